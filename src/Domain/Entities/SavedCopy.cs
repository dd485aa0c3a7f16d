namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One version of a linked page's readable text, kept so a reader still has the article when the link rots.
/// Keyed by the link checker's normalised URL; a new version only when the text's hash changes, at most
/// SavedCopies:VersionsKept per URL (the oldest go first).
/// </summary>
public sealed class SavedCopy
{
    public long Id { get; set; }
    public required string NormalizedUrl { get; set; }
    /// <summary>The copy's number for its URL: 1 for the first, counting up; never reused after pruning. (Not a
    /// version: that word is the rows' concurrency token.)</summary>
    public int Number { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    /// <summary>The address as the list has it (the one the check asked for).</summary>
    public required string Url { get; set; }
    /// <summary>Where the page was read, after redirects.</summary>
    public required string FinalUrl { get; set; }
    /// <summary>Lower-case host of <see cref="NormalizedUrl"/>: what an editor switches copies off by.</summary>
    public required string Host { get; set; }
    public SavedCopyKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Byline { get; set; }
    public DateTimeOffset? Published { get; set; }
    public string? LeadImageUrl { get; set; }
    /// <summary>
    /// The extract in the copy text format (<see cref="SavedCopies.CopyText"/>): blocks separated by a blank line,
    /// "# ", "## ", "### " headings and "- " list items, everything else a paragraph. Never HTML.
    /// </summary>
    public required string Text { get; set; }
    /// <summary>SHA-256 of <see cref="Text"/>, lower-case hex: equal hashes mean no new version.</summary>
    public required string ContentHash { get; set; }
    public int WordCount { get; set; }
    /// <summary>The text was cut at SavedCopies:MaxTextChars.</summary>
    public bool Truncated { get; set; }
}

public enum SavedCopyKind
{
    Html,
    Pdf,
}
