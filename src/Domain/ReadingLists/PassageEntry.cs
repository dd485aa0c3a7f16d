using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A paragraph, block quote or HTML block in a section that holds web links but is no list item (a guide written in
/// prose, "see also" lines, entries written as <c>&lt;a href&gt;</c>): an entry of its own, kept exactly as written,
/// whose every link is known. A block whose only links are navigation (badges, anchors) stays the section's text.
/// </summary>
internal static class PassageEntry
{
    public static EntryFields? Read(Block block, BlockReading reading)
    {
        var links = reading.Links.Where(l => !l.IsNavigation).ToList();
        if (links.Count == 0) return null;
        var text = block is HtmlBlock ? reading.HtmlText ?? "" : PlainText(block);
        return new EntryFields(EntryKind.Note, null, EntryFieldReader.NullIfEmpty(Opening(text)), null, [],
            EntryFieldReader.NullIfEmpty(text), links.Select(l => new EntryLink(l.Url, l.Text, LinkRole.Related))
            .ToList());
    }

    /// <summary>The passage's first words, its title wherever an entry is named by one (search hits, feeds).
    /// </summary>
    internal static string Opening(string text)
    {
        const int most = 80;
        if (text.Length <= most) return text;
        var cut = text.LastIndexOf(' ', most);
        return text[..(cut > 20 ? cut : most)] + "…";
    }

    /// <summary>Whether an HTML block ends where its kind says it must (a comment's "-->", a "&lt;/pre&gt;"...);
    /// one that never closes runs to the end of the file and is no passage.</summary>
    public static bool IsClosed(HtmlBlock html)
    {
        var text = html.Lines.ToString();
        return html.Type switch
        {
            HtmlBlockType.Comment => text.Contains("-->", StringComparison.Ordinal),
            HtmlBlockType.CData => text.Contains("]]>", StringComparison.Ordinal),
            HtmlBlockType.ProcessingInstruction => text.Contains("?>", StringComparison.Ordinal),
            HtmlBlockType.DocumentType => text.Contains('>'),
            HtmlBlockType.ScriptPreOrStyle => ClosesRaw(text),
            _ => true,
        };
    }

    private static bool ClosesRaw(string text) =>
        new[] { "</script>", "</pre>", "</style>", "</textarea>" }.Any(end =>
            text.Contains(end, StringComparison.OrdinalIgnoreCase));

    private static string PlainText(Block block)
    {
        var parts = new List<string>();
        void Add(Block b)
        {
            if (b is LeafBlock { Inline: { } inline }) parts.Add(InlineText.Plain(inline));
            else if (b is ContainerBlock container) foreach (var child in container) Add(child);
        }
        Add(block);
        return InlineText.Collapse(string.Join(" ", parts));
    }
}
