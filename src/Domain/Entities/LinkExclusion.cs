using ContainerNetLib.Domain.LinkHealth.Exclusions;

namespace ContainerNetLib.Domain.Entities;

/// <summary>An exclusion rule an editor added on the report (those from configuration are not stored).</summary>
public sealed class LinkExclusion
{
    public long Id { get; set; }
    public ExclusionKind Kind { get; set; }
    /// <summary>In compared form: a normalised URL or prefix, or a lower-case host.</summary>
    public required string Value { get; set; }
    public required string Reason { get; set; }
    public DateOnly? Expires { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public ExclusionRule ToRule() => new(Kind, Value, Reason, Expires);
}
