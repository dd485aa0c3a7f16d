namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>What a fetched page says about itself. Stored beside the curated fields; never overwrites them.</summary>
public sealed record PageMetadata(string? Title, string? OgTitle, string? OgDescription, string? PublishedTime,
    string? Author, string? Canonical);
