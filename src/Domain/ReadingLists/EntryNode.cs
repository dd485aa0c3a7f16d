namespace ContainerNetLib.Domain.ReadingLists;

public sealed class EntryNode
{
    /// <summary>A bullet, a table row or a passage. Rows and passages have no indent or marker: their
    /// <see cref="Markdown"/> is their lines as written.</summary>
    public EntryShape Shape { get; set; }

    /// <summary>White space before the bullet marker.</summary>
    public string Indent { get; set; } = "";

    /// <summary>The marker and the spacing after it, as written: "* ", "- ", "1. ".</summary>
    public string Marker { get; set; } = "* ";

    /// <summary>
    /// The bullet's inline Markdown as written, the source of truth for round-trip. Items that
    /// run over several lines keep their continuation lines verbatim after '\n'.
    /// </summary>
    public string Markdown { get; set; } = "";

    /// <summary>Lines that stand between the previous entry and this one (blank lines, stray prose).</summary>
    public string LeadingMarkdown { get; set; } = "";

    public List<EntryNode> Children { get; } = [];

    /// <summary>Fields read from <see cref="Markdown"/> by the list conventions.</summary>
    public EntryFields Fields { get; set; } = EntryFields.Empty;

    /// <summary>1-based source line of the bullet; 0 for entries that did not come from a file.</summary>
    public int Line { get; set; }
}
