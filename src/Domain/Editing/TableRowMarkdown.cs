using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// A table row as an editor writes it: cells joined between pipes, a pipe inside a cell escaped so it stays in its
/// cell, and the row read back by the importer's own rule (<see cref="TableEntries"/>) under its table's header.
/// </summary>
public static class TableRowMarkdown
{
    /// <summary>The row's line: "| a | b |", each cell trimmed and on one line.</summary>
    public static string Compose(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(c => Escape(OneLine(c)))) + " |";

    /// <summary>A cell's Markdown as an editor types it: an escaped pipe shown as the pipe it stands for.</summary>
    public static string Unescape(string cell) => cell.Replace("\\|", "|", StringComparison.Ordinal);

    /// <summary>Every pipe not already escaped, escaped: a cell's pipe would otherwise end the cell.</summary>
    public static string Escape(string cell)
    {
        var text = new System.Text.StringBuilder(cell.Length + 4);
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '|' && (i == 0 || cell[i - 1] != '\\')) text.Append('\\');
            text.Append(cell[i]);
        }
        return text.ToString();
    }

    /// <summary>The title's cell: its link, or its text when the row has no address.</summary>
    public static string TitleCell(string title, string? url) =>
        url is null ? title.Trim() : EntryMarkdown.Link(title.Trim(), url.Trim());

    /// <summary>The first column whose cell holds only the title's link (or text), so a form may show it as title
    /// and address; -1 when none does.</summary>
    public static int TitleColumn(IReadOnlyList<EntryCell> cells, string? title, string? url)
    {
        if (title is null) return -1;
        var asWritten = url is null ? title : $"[{title}]({url})";
        for (var i = 0; i < cells.Count; i++)
            if (cells[i].Markdown == TitleCell(title, url) || cells[i].Markdown == asWritten) return i;
        return -1;
    }

    /// <summary>A new row for the table of <paramref name="like"/> (a row of it): the title's link in the column
    /// where that row has its title (the first when it has none there), the description in the next column.
    /// </summary>
    public static string NewRow(Entry like, string title, string? url, string? description)
    {
        var titleColumn = NewRowTitleColumn(like);
        var columns = Math.Max(1, like.Cells.Count);
        return Compose(Enumerable.Range(0, columns).Select(i => i == titleColumn ? TitleCell(title, url)
            : i == (titleColumn + 1) % columns ? description ?? "" : ""));
    }

    /// <summary>The row read as the importer reads one under a header of <paramref name="names"/>; null when the
    /// line is no row of such a table. A row above it carries a link, so a row without one is still read as a row
    /// (the importer takes a table as entries when any of its rows has a link).</summary>
    internal static EntryNode? Read(IReadOnlyList<string> names, string line)
    {
        if (!line.Contains('|')) return null;
        var header = names.Count > 0 ? names : ["Column 1"];
        var text = $"# Entry\n\n{Compose(header)}\n|{string.Concat(header.Select(_ => " --- |"))}\n" +
            $"| [row](https://row.invalid/) |\n{line}\n";
        return ReadingListParser.Parse(text).Document is
            { Sections: [{ Entries: [_, { Shape: EntryShape.TableRow } node] }] } ? node : null;
    }

    /// <summary>Where a new row of <paramref name="like"/>'s table has its title: where that row has it, else the
    /// first column.</summary>
    public static int NewRowTitleColumn(Entry like) => Math.Max(0, TitleColumn(like.Cells, like.Title, like.Url));

    /// <summary>The cells of <paramref name="line"/> read as a row under <paramref name="names"/>; null when it is
    /// no such row.</summary>
    public static IReadOnlyList<EntryCell>? Cells(IReadOnlyList<string> names, string line) =>
        Read(names, line)?.Fields.Cells;

    private static string OneLine(string cell) =>
        string.Join(' ', cell.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
