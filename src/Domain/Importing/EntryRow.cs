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
    public EntryKind Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? NormalizedUrl { get; init; }
    public string? Description { get; init; }
    public required string AuthorsJson { get; init; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required IReadOnlyList<LinkRow> Links { get; init; }

    public bool SameContent(EntryRow other) =>
        SectionId == other.SectionId && ParentId == other.ParentId && Position == other.Position &&
        Markdown == other.Markdown && Indent == other.Indent && Marker == other.Marker &&
        LeadingMarkdown == other.LeadingMarkdown && Kind == other.Kind && Date == other.Date &&
        Title == other.Title && Url == other.Url && NormalizedUrl == other.NormalizedUrl &&
        Description == other.Description && AuthorsJson == other.AuthorsJson;

    public bool SameLinks(EntryRow other) => Links.SequenceEqual(other.Links);
}

internal sealed record LinkRow(int Position, string Url, string NormalizedUrl, string Text, LinkRole Role);
