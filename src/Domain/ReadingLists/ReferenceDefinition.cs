using Markdig;
using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A link reference definition ("[label]: https://..."), as written. "[text][label]" anywhere in the list resolves
/// against a definition anywhere else, so a text read apart from the rest (a piece of a large list, one entry
/// rendered on its own) is given the definitions appended after it.
/// </summary>
public sealed record ReferenceDefinition(string Label, string Text)
{
    /// <summary>The definitions Markdig finds in the text, read as the list is (plain CommonMark).</summary>
    public static IReadOnlyList<ReferenceDefinition> In(string markdown)
    {
        if (!markdown.Contains("]:", StringComparison.Ordinal)) return [];
        return Markdown.Parse(markdown, ReadingListParser.Pipeline).Descendants<LinkReferenceDefinition>()
            .Select(d => new ReferenceDefinition(d.Label ?? "",
                markdown.Substring(d.Span.Start, Math.Min(d.Span.Length, markdown.Length - d.Span.Start))))
            .ToList();
    }
}
