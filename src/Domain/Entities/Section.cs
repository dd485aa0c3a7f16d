namespace ContainerNetLib.Domain.Entities;

/// <summary>A heading of the list and what stands under it, in a tree.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Section? Parent { get; set; }
    public int Position { get; set; }
    public int Level { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string HeadingMarkdown { get; set; }
    public string IntroMarkdown { get; set; } = "";
    public string OutroMarkdown { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: a save over someone else's newer change is refused, not lost.</summary>
    public uint Version { get; set; }

    public List<Section> Children { get; set; } = [];
    public List<Entry> Entries { get; set; } = [];
    public List<SectionSlug> FormerSlugs { get; set; } = [];
}
