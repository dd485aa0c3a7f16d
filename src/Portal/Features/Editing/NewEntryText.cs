using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// A new entry's Markdown from its fields, blanks left out: the add page and the write API write the same text.
/// </summary>
public static class NewEntryText
{
    public static string Compose(DateOnly? date, string title, string? url,
        IEnumerable<(string? Name, string? Url)> authors, string? description) =>
        EntryMarkdown.Compose(date, title.Trim(), OrNull(url),
            authors.Where(a => OrNull(a.Name) is not null)
                .Select(a => new Author(a.Name!.Trim(), OrNull(a.Url), [])).ToList(),
            description);

    private static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
