using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// What one run found for one URL: the history behind the report. Unique per (run, URL), so a chunk
/// that runs again after a crash neither checks a finished URL twice nor duplicates its result.
/// </summary>
public sealed class CheckResult
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string NormalizedUrl { get; set; }
    public required string Url { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public LinkOutcome Outcome { get; set; }
    public int? Status { get; set; }
    public string? FinalUrl { get; set; }
    public List<string> Redirects { get; set; } = [];
    public bool Downgraded { get; set; }
    public long ElapsedMs { get; set; }
    public int Attempts { get; set; }
    /// <summary>Not dialled: its host had already failed at the network level in this run.</summary>
    public bool HostSkipped { get; set; }
    public string? Error { get; set; }
    public string? ContentType { get; set; }
    public string? FetchedTitle { get; set; }
    public string? FetchedDescription { get; set; }
    public string? PublishedTime { get; set; }
    public string? Author { get; set; }
    public string? CanonicalUrl { get; set; }
    /// <summary>The check read the page whole and handed it to the saved copies: the copy job does not fetch it
    /// again.</summary>
    public bool PageKept { get; set; }
}
