using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Portal.Features.Reading;

public sealed record SectionSummary(int Id, int? ParentId, int Position, string Title, string Slug, int EntryCount)
{
    /// <summary>Its entries and those of every section under it: a parent whose links all sit in subsections is not
    /// empty.</summary>
    public int TotalCount { get; init; } = EntryCount;

    /// <summary>Each section with <see cref="TotalCount"/> filled in from the sections under it.</summary>
    public static List<SectionSummary> WithTotals(IReadOnlyList<SectionSummary> sections)
    {
        var tree = new SectionHierarchy(sections.Select(s => (s.Id, s.ParentId, s.Slug)));
        var own = sections.ToDictionary(s => s.Id, s => s.EntryCount);
        return sections.Select(s => s with { TotalCount = tree.AndBelow(s.Id).Sum(id => own.GetValueOrDefault(id)) })
            .ToList();
    }
}

public sealed record EntryView(
    long Id,
    int SectionId,
    long? ParentId,
    int Position,
    EntryKind Kind,
    DateOnly? Date,
    string? Title,
    string? Url,
    string Markdown,
    IReadOnlyList<Author> Authors,
    string? Description,
    DateTimeOffset CreatedAt)
{
    /// <summary>Bullet, table row or passage: which element the reader page shows it in.</summary>
    public EntryShape Shape { get; init; }

    /// <summary>A table row's cells as written, named by the header, in column order (the importer's reading,
    /// <see cref="EntryCell"/>); empty for other shapes.</summary>
    public IReadOnlyList<EntryCell> Cells { get; init; } = [];

    /// <summary>The first row of a table: the importer gives it the table's header lines as its leading text.
    /// </summary>
    public bool OpensTable { get; init; }

    public List<EntryView> Children { get; } = [];
}

public sealed record SectionPageModel(
    SectionSummary Section,
    string IntroMarkdown,
    IReadOnlyList<SectionSummary> Ancestors,
    IReadOnlyList<SectionSummary> Subsections,
    IReadOnlyList<EntryView> Entries,
    int EntryCount,
    IReadOnlyDictionary<long, ContainerNetLib.Domain.LinkHealth.LinkBadge> Badges,
    IReadOnlyDictionary<long, ContainerNetLib.Portal.Features.SavedCopies.CopyMark> Copies);

/// <summary>What a slug leads to: a section, a redirect to its current slug, or nothing.</summary>
public sealed record SectionLookup(SectionPageModel? Page, string? MovedTo);

/// <summary>An entry added since the list's first import; <see cref="ParentTitle"/> names the entry it sits
/// under.</summary>
public sealed record RecentEntry(
    long Id, string? Title, string? Url, DateOnly? Date, string SectionTitle, string SectionSlug,
    DateTimeOffset CreatedAt,
    string? ParentTitle);
