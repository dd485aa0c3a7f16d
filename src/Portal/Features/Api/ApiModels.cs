using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Api;

public sealed record ApiSection(string Slug, string Title, int EntryCount, int TotalEntryCount, string Url)
{
    public static ApiSection From(SectionSummary s) =>
        new(s.Slug, s.Title, s.EntryCount, s.TotalCount, ReaderLinks.Section(s.Slug));
}

public sealed record ApiSectionDetail(string Slug, string Title, string IntroMarkdown, int EntryCount,
    IReadOnlyList<ApiSection> Subsections, IReadOnlyList<ApiEntry> Entries)
{
    public static ApiSectionDetail From(SectionPageModel page) => new(
        page.Section.Slug, page.Section.Title, page.IntroMarkdown, page.EntryCount,
        page.Subsections.Select(ApiSection.From).ToList(),
        page.Entries.Select(e => ApiEntry.From(e, page.Section.Slug)).ToList());
}

public sealed record ApiAuthor(string Name, string? Url, IReadOnlyList<string> Profiles);

public sealed record ApiEntry(
    long Id, string Kind, DateOnly? Date, string? Title, string? Url, string? Description,
        IReadOnlyList<ApiAuthor> Authors,
    string Markdown, string Permalink, IReadOnlyList<ApiEntry> Children)
{
    public static ApiEntry From(EntryView e, string sectionSlug) => new(
        e.Id, e.Kind.ToString(), e.Date, e.Title, e.Url, e.Description,
        e.Authors.Select(a => new ApiAuthor(a.Name, a.Url, a.Profiles)).ToList(),
        e.Markdown, ReaderLinks.Entry(sectionSlug, e.Id),
        e.Children.Select(c => From(c, sectionSlug)).ToList());
}

/// <param name="FoundIn">"entry" when the entry's own words match, "page" when only its saved page does.</param>
/// <param name="Passage">For "page": the saved text around the first word found (plain text), else null.</param>
public sealed record ApiSearchHit(long Id, string? Title, string? Url, string? Description, DateOnly? Date,
    IReadOnlyList<string> Authors, string Section, string Permalink, string FoundIn, string? Passage);

public sealed record ApiSearchResults(string Query, bool Fuzzy, IReadOnlyList<ApiSearchHit> Hits);
