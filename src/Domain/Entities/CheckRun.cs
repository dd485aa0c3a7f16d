namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One pass of the link checker over the whole list, a section or one entry. Its URLs are fixed when
/// it starts (<see cref="CheckRunUrl"/>) and split into chunks, each a Hangfire job of its own.
/// </summary>
public sealed class CheckRun
{
    public long Id { get; set; }
    public CheckTrigger Trigger { get; set; }
    /// <summary>"list", "section:{slug}" or "entry:{id}".</summary>
    public required string Scope { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Set once, by whichever chunk finishes the last URL.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    public int UrlCount { get; set; }
    public int ChunkCount { get; set; }
    public int NewlyBroken { get; set; }
}

public enum CheckTrigger
{
    Nightly,
    Manual,
}

/// <summary>A URL a run has to check, and the chunk (job) it belongs to.</summary>
public sealed class CheckRunUrl
{
    public long RunId { get; set; }
    public required string NormalizedUrl { get; set; }
    public required string Url { get; set; }
    public required string Host { get; set; }
    public int Chunk { get; set; }
}
