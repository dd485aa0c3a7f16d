namespace ContainerNetLib.Domain.Entities;

/// <summary>A host whose pages an editor asked not to copy (a paywall, a site that objects); its copies are
/// deleted when switched off.</summary>
public sealed class CopiesOffHost
{
    /// <summary>Lower-case host, as <see cref="LinkState.Host"/> holds it.</summary>
    public required string Host { get; set; }
    public required string SwitchedOffBy { get; set; }
    public DateTimeOffset SwitchedOffAt { get; set; }
}
