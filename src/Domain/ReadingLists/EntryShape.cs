namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>How an entry is written in the list: what the reader page shows it as and how an editor changes it.
/// </summary>
public enum EntryShape
{
    /// <summary>A list item: <c>* [Title](url) by Author</c>.</summary>
    Bullet,
    /// <summary>One row of a GitHub-flavoured table whose rows carry links.</summary>
    TableRow,
    /// <summary>A paragraph, block quote or HTML block that holds links but is no list item: kept as written.</summary>
    Passage,
}

/// <summary>One cell of a table row, named by its column's header (or "Column 3" when the header has no such
/// column), its inline Markdown as written between the pipes.</summary>
public sealed record EntryCell(string Name, string Markdown);
