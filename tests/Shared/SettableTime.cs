namespace ContainerNetLib.Tests.Shared;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableTime : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;
}
