using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// The latest that is known of one normalised URL, kept beside the history so that section pages and
/// the report read one row per link. A link counts as broken only after
/// <see cref="ConsecutiveFailures"/> reaches the configured threshold.
/// </summary>
public sealed class LinkState
{
    public required string NormalizedUrl { get; set; }
    public required string Url { get; set; }
    public required string Host { get; set; }
    public long LastRunId { get; set; }
    public DateTimeOffset LastCheckedAt { get; set; }
    public LinkOutcome Outcome { get; set; }
    public int? Status { get; set; }
    public string? FinalUrl { get; set; }
    public List<string> Redirects { get; set; } = [];
    public bool Downgraded { get; set; }
    public long ElapsedMs { get; set; }
    public string? Error { get; set; }
    public string? ContentType { get; set; }
    /// <summary>The page's own title; shown beside the curated one, never written over it.</summary>
    public string? FetchedTitle { get; set; }
    public int ConsecutiveFailures { get; set; }
    /// <summary>The run in which the failures reached the threshold ("newly broken" in that run's report).</summary>
    public long? BrokenSinceRunId { get; set; }
    public DateTimeOffset? BrokenSince { get; set; }
    /// <summary>The latest archived copy, looked up when the link broke.</summary>
    public string? ArchiveUrl { get; set; }
    /// <summary>An editor's "opens in a browser" until <see cref="AcceptedUntil"/>.</summary>
    public string? AcceptedReason { get; set; }
    public DateOnly? AcceptedUntil { get; set; }
    public string? AcceptedBy { get; set; }

    /// <summary>An editor accepted the link's state and the acceptance runs through <paramref name="today"/> (its
    /// last day included): no badge, not counted as broken, listed apart on the report.</summary>
    public bool IsAcceptedOn(DateOnly today) => AcceptedUntil is { } until && until >= today;
}
