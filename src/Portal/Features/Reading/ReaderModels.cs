using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Reading;

public sealed record SectionSummary(int Id, int? ParentId, int Position, string Title, string Slug, int EntryCount);

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
    public List<EntryView> Children { get; } = [];
}

public sealed record SectionPageModel(
    SectionSummary Section,
    string IntroMarkdown,
    IReadOnlyList<SectionSummary> Ancestors,
    IReadOnlyList<SectionSummary> Subsections,
    IReadOnlyList<EntryView> Entries,
    int EntryCount,
    IReadOnlyDictionary<long, ContainerNetLib.Portal.Features.LinkHealth.LinkBadge> Badges);

/// <summary>What a slug leads to: a section, a redirect to its current slug, or nothing.</summary>
public sealed record SectionLookup(SectionPageModel? Page, string? MovedTo);

public sealed record RecentEntry(long Id, string? Title, string? Url, DateOnly? Date, string SectionTitle, string SectionSlug, DateTimeOffset CreatedAt);
