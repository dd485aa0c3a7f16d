using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>A web link a reader sees in the document that no entry holds: never checked, counted or searched.
/// </summary>
public sealed record UnknownLink(int Line, string Url);

/// <summary>A link found in the document's text, and whether the portal's reader pages show the block it stands in.
/// </summary>
internal sealed record SeenLink(int Line, FoundLink Link, bool Shown);

/// <summary>
/// What an import read, said plainly: entries by shape, their links by where they stand, the navigation links (in-page
/// anchors, badges) that are no reading material, the links the portal never shows a reader, and every web link a
/// reader sees that the portal does not know. The document's links are found by a walk of its whole syntax tree
/// (every block, list items included), apart from the walk that makes entries, so a link the entries miss shows here.
/// </summary>
/// <param name="NotShownLinks">Web links before the first heading (the preamble: a title block, a logo, "follow me"
/// lines) or inside a heading: the reader pages show neither (a heading is its section's plain title), so no reader
/// of the portal follows them; the export keeps them as written. Never checked, counted or searched.</param>
public sealed record LinkCensus(
    IReadOnlyDictionary<string, int> EntriesByKind,
    IReadOnlyDictionary<string, int> LinksByPlace,
    int NavigationLinks,
    int NotShownLinks,
    IReadOnlyList<UnknownLink> UnknownLinks)
{
    public static readonly LinkCensus Empty = new(new Dictionary<string, int>(), new Dictionary<string, int>(), 0, 0,
        []);

    /// <summary>Entries and links counted from the parsed document, set against every link found in its text.
    /// </summary>
    internal static LinkCensus Of(ListDocument document, IEnumerable<SeenLink> seen)
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
        var notShown = 0;
        var unknown = new List<UnknownLink>();
        foreach (var (line, link, shown) in seen)
        {
            if (link.IsNavigation) navigation++;
            else if (!shown) notShown++;
            else if (!known.Contains(link.Url)) unknown.Add(new UnknownLink(line, link.Url));
        }
        unknown.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new LinkCensus(byShape, byPlace, navigation, notShown, unknown);
    }

    /// <summary>The web and in-page links of every block of a slice's first <paramref name="ownedLines"/> lines, with
    /// their 1-based lines in the whole document.</summary>
    /// <param name="headingLines">The slice's lines of the headings that began sections: every block before the first
    /// is the preamble, and neither is shown on a reader page.</param>
    /// <param name="read">Links already read from blocks (passages): reused, not parsed again.</param>
    internal static List<SeenLink> Seen(MarkdownDocument document, SourceLines source, int ownedLines,
        int lineOffset, IReadOnlyCollection<int> headingLines, IReadOnlyDictionary<Block, List<FoundLink>> read)
    {
        var found = new List<SeenLink>();
        var ignored = new List<ParseWarning>();
        var preambleEnd = headingLines.Count > 0 ? headingLines.Min() : int.MaxValue;
        void Visit(Block block, bool shown)
        {
            if (block.Line >= ownedLines) return;
            switch (block)
            {
                case HtmlBlock html:
                    foreach (var link in read.GetValueOrDefault(html) ?? BlockLinks.In(html, 0, ignored))
                        found.Add(new SeenLink(html.Line + lineOffset + 1, link, shown));
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    foreach (var link in read.GetValueOrDefault(leaf) ?? BlockLinks.In(inline, 0, ignored))
                    {
                        var line = link.Offset > 0 ? source.LineOf(link.Offset) : leaf.Line;
                        found.Add(new SeenLink(line + lineOffset + 1, link, shown));
                    }
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Visit(child, shown);
                    break;
            }
        }
        foreach (var block in document)
            Visit(block, block.Line >= preambleEnd && !(block is HeadingBlock && headingLines.Contains(block.Line)));
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
