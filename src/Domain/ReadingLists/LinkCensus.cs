using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>A web link a reader sees in the document that no entry holds: never checked, counted or searched.
/// </summary>
public sealed record UnknownLink(int Line, string Url);

/// <summary>
/// What an import read, said plainly: entries by shape, their links by where they stand, the navigation links (in-page
/// anchors, badges) that are no reading material, and every web link a reader sees that the portal does not know.
/// The document's links are found by a walk of its whole syntax tree (every block, list items included), apart from
/// the walk that makes entries, so a link the entries miss shows here.
/// </summary>
public sealed record LinkCensus(
    IReadOnlyDictionary<string, int> EntriesByKind,
    IReadOnlyDictionary<string, int> LinksByPlace,
    int NavigationLinks,
    IReadOnlyList<UnknownLink> UnknownLinks)
{
    public static readonly LinkCensus Empty = new(new Dictionary<string, int>(), new Dictionary<string, int>(), 0, []);

    /// <summary>Entries and links counted from the parsed document, set against every link found in its text.
    /// </summary>
    internal static LinkCensus Of(ListDocument document, IEnumerable<(int Line, FoundLink Link)> seen)
    {
        var byShape = new Dictionary<string, int> { ["bullet"] = 0, ["tableRow"] = 0, ["passage"] = 0 };
        var byPlace = new Dictionary<string, int> { ["bullet"] = 0, ["table"] = 0, ["prose"] = 0, ["html"] = 0 };
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in AllEntries(document))
        {
            byShape[entry.Shape switch { EntryShape.TableRow => "tableRow", EntryShape.Passage => "passage",
                _ => "bullet" }]++;
            byPlace[Place(entry)] += entry.Fields.Links.Count;
            foreach (var link in entry.Fields.Links) known.Add(link.Url);
        }
        var navigation = 0;
        var unknown = new List<UnknownLink>();
        foreach (var (line, link) in seen)
        {
            if (link.IsNavigation) navigation++;
            else if (!known.Contains(link.Url)) unknown.Add(new UnknownLink(line, link.Url));
        }
        unknown.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new LinkCensus(byShape, byPlace, navigation, unknown);
    }

    /// <summary>The web and in-page links of every block of a slice's first <paramref name="ownedLines"/> lines, with
    /// their 1-based lines in the whole document.</summary>
    internal static List<(int Line, FoundLink Link)> Seen(MarkdownDocument document, SourceLines source,
        int ownedLines, int lineOffset)
    {
        var found = new List<(int, FoundLink)>();
        var ignored = new List<ParseWarning>();
        void Visit(Block block)
        {
            if (block.Line >= ownedLines) return;
            switch (block)
            {
                case HtmlBlock html:
                    foreach (var link in BlockLinks.In(html, 0, ignored)) found.Add((html.Line + lineOffset + 1, link));
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    foreach (var link in BlockLinks.In(inline, 0, ignored))
                    {
                        var line = link.Offset > 0 ? source.LineOf(link.Offset) : leaf.Line;
                        found.Add((line + lineOffset + 1, link));
                    }
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Visit(child);
                    break;
            }
        }
        foreach (var block in document) Visit(block);
        return found;
    }

    private static string Place(EntryNode entry) => entry.Shape switch
    {
        EntryShape.TableRow => "table",
        EntryShape.Passage when entry.Markdown.TrimStart().StartsWith('<') => "html",
        EntryShape.Passage => "prose",
        _ => "bullet",
    };

    private static IEnumerable<EntryNode> AllEntries(ListDocument document)
    {
        var sections = new Stack<SectionNode>(document.Sections.AsEnumerable().Reverse());
        while (sections.Count > 0)
        {
            var section = sections.Pop();
            var entries = new Stack<EntryNode>(section.Entries.AsEnumerable().Reverse());
            while (entries.Count > 0)
            {
                var entry = entries.Pop();
                yield return entry;
                foreach (var child in Enumerable.Reverse(entry.Children)) entries.Push(child);
            }
            foreach (var child in Enumerable.Reverse(section.Children)) sections.Push(child);
        }
    }
}
