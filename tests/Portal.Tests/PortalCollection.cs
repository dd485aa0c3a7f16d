namespace ContainerNetLib.Portal.Tests;

/// <summary>Tests that boot the app run one at a time: some of its configuration is process-wide (Hangfire's).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection
{
    public const string Name = "portal";
}
