namespace ContainerNetLib.Domain.ReadingLists;

public sealed class SectionNode
{
    public required string Title { get; set; }
    public int Level { get; set; }

    /// <summary>The heading exactly as written: one ATX line, or a setext title and its underline.</summary>
    public required string HeadingMarkdown { get; set; }

    /// <summary>Prose, quotes, tables and code between the heading and the first entry.</summary>
    public string IntroMarkdown { get; set; } = "";

    /// <summary>Text after the last entry and before the next heading (often link reference definitions).</summary>
    public string OutroMarkdown { get; set; } = "";

    public List<EntryNode> Entries { get; } = [];
    public List<SectionNode> Children { get; } = [];

    /// <summary>1-based source line of the heading; 0 for sections that did not come from a file.</summary>
    public int Line { get; set; }
}
