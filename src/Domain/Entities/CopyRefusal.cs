namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// Why a URL has no saved copy although its page answered: the page asked not to be archived, was over the size
/// cap, or held no readable text. Replaced on every attempt; removed when a copy is saved.
/// </summary>
public sealed class CopyRefusal
{
    public required string NormalizedUrl { get; set; }
    public CopyRefusalReason Reason { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public string? Detail { get; set; }
}

public enum CopyRefusalReason
{
    /// <summary>X-Robots-Tag: noarchive or &lt;meta name="robots" content="noarchive"&gt;; earlier copies are
    /// deleted too.</summary>
    NoArchive,
    /// <summary>Larger than SavedCopies:MaxPageBytes.</summary>
    TooLarge,
    /// <summary>Nothing readable came out (an empty page, a PDF of scanned images, a broken file, a page nested
    /// too deep or too slow to read).</summary>
    Unreadable,
}
