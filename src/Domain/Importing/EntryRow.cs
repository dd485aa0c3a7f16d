using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Importing;

/// <summary>An entry as stored, flat, so a parsed entry and a stored one compare field by field.</summary>
internal sealed class EntryRow
{
    public long Id { get; set; }
    public int SectionId { get; set; }
    public long? ParentId { get; set; }
    public int Position { get; set; }
    public required string Markdown { get; init; }
    public required string Indent { get; init; }
    public required string Marker { get; init; }
    public required string LeadingMarkdown { get; init; }
    public EntryShape Shape { get; init; }
    /// <summary>A table row's cells; empty for bullets and passages.</summary>
    public required IReadOnlyList<EntryCell> Cells { get; init; }
    public string CellsJson => ParsedTree.CellsJson(Cells);
    public EntryKind Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? NormalizedUrl { get; init; }
    public string? Description { get; init; }
    public required string AuthorsJson { get; init; }
    public required string[] AuthorKeys { get; init; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required IReadOnlyList<LinkRow> Links { get; init; }
    public byte[] ContentHash { get; set; } = [];

    public bool SamePlace(StoredEntry stored) =>
        SectionId == stored.SectionId && ParentId == stored.ParentId && Position == stored.Position;

    public bool SameContent(StoredEntry stored) => ContentHash.AsSpan().SequenceEqual(stored.ContentHash);
}

/// <summary>What an import needs of a stored entry: where it stands and its content fingerprint.</summary>
internal sealed record StoredEntry(
    long Id, int SectionId, long? ParentId, int Position, string? NormalizedUrl, byte[] ContentHash,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record LinkRow(int Position, string Url, string NormalizedUrl, string Text, LinkRole Role);
