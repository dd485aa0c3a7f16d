using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Reading;

public sealed record SectionSummary(int Id, int? ParentId, int Position, string Title, string Slug, int EntryCount)
{
    /// <summary>Its entries and those of every section under it: a parent whose links all sit in subsections is not empty.</summary>
    public int TotalCount { get; init; } = EntryCount;

    /// <summary>Each section with <see cref="TotalCount"/> filled in from the sections under it.</summary>
    public static List<SectionSummary> WithTotals(IReadOnlyList<SectionSummary> sections)
    {
        var children = sections.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value);
        var totals = new Dictionary<int, int>();
        int Total(SectionSummary s, int depth)
        {
            if (totals.TryGetValue(s.Id, out var known)) return known;
            // A cycle cannot be saved, but a page must not hang if one ever were: stop at any depth a list could have.
            var total = s.EntryCount + (depth > 64 ? 0 : children[s.Id].Sum(c => Total(c, depth + 1)));
            totals[s.Id] = total;
            return total;
        }
        return sections.Select(s => s with { TotalCount = Total(s, 0) }).ToList();
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

/// <summary>An entry added since the list's first import; <see cref="ParentTitle"/> names the entry it sits under.</summary>
public sealed record RecentEntry(
    long Id, string? Title, string? Url, DateOnly? Date, string SectionTitle, string SectionSlug, DateTimeOffset CreatedAt,
    string? ParentTitle);
