using ContainerNetLib.Domain.SavedCopies.Drift;

namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// A page that turned into something else since its saved copy (<see cref="PageDriftRule"/>): the report lists it
/// until an editor accepts the new page or retires the entry. At most one open per URL; a later new version of the
/// page updates the open one's new side and keeps the old side it was first compared with.
/// </summary>
public sealed class PageDrift
{
    public long Id { get; set; }
    public required string NormalizedUrl { get; set; }
    /// <summary>The address as the list has it.</summary>
    public required string Url { get; set; }
    public PageDriftReason Reason { get; set; }
    /// <summary>Word-shingle similarity of the old and new text, 0 to 1.</summary>
    public double Similarity { get; set; }
    public string? OldTitle { get; set; }
    public string? OldParagraph { get; set; }
    public required string OldFinalUrl { get; set; }
    public string? NewTitle { get; set; }
    public string? NewParagraph { get; set; }
    public required string NewFinalUrl { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public PageDriftResolution? Resolution { get; set; }
}

public enum PageDriftResolution
{
    /// <summary>An editor took the new page as the one the entry means.</summary>
    Accepted,
    /// <summary>An editor retired the entry.</summary>
    Retired,
}
