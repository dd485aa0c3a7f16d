using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A GitHub-flavoured table as entries, one per row: the row's first link is its title link (its first cell's text
/// when it has none), its other links are kept, its other cells become fields named by the header. Every cell, the
/// title's included, is also kept as written and named by its column (<see cref="EntryFields.Cells"/>), so the
/// reader page lays the table out and the editor shows a row by the header's names without reading the row again.
/// The list is parsed as plain CommonMark (a table there is a paragraph); only such a paragraph is read again with
/// pipe tables, so nothing else in the list depends on the extension.
/// </summary>
internal static class TableEntries
{
    private static readonly MarkdownPipeline TablePipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The table in a paragraph's text, with each row's line counted from the paragraph's first line;
    /// null when the paragraph is no table or none of its rows carries a link.</summary>
    public static ParsedTable? Find(string paragraphText)
    {
        // A table needs a delimiter row ("|---|:---:|"); most paragraphs have no '|' at all.
        if (!paragraphText.Contains('|') || !paragraphText.Contains('-')) return null;
        var document = Markdown.Parse(paragraphText, TablePipeline);
        if (document.OfType<Table>().FirstOrDefault() is not { } table) return null;
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2 || !rows[0].IsHeader) return null;
        var header = Written(rows[0]).Select((c, i) => Name(c, i)).ToList();
        var body = rows.Skip(1).Where(r => !r.IsHeader).ToList();
        if (!body.Any(r => r.Descendants<Markdig.Syntax.Inlines.LinkInline>().Any(l => !l.IsImage) ||
            r.Descendants<Markdig.Syntax.Inlines.HtmlInline>().Any() ||
            r.Descendants<Markdig.Syntax.Inlines.AutolinkInline>().Any()))
        {
            return null;
        }
        return new ParsedTable(header, body, paragraphText, rows[0].Line);
    }

    public static EntryFields Read(ParsedTable table, TableRow row, int line, List<ParseWarning> warnings)
    {
        var header = table.Header;
        var cells = Written(row);
        if (cells.Count != header.Count)
            warnings.Add(new ParseWarning(line, $"table row has {cells.Count} cells and the header {header.Count}; " +
                "cells without a header are named by their column's number"));
        var texts = cells.Select(c => InlineText.Plain(Paragraph(c)?.Inline)).ToList();
        var links = new List<EntryLink>();
        FoundLink? title = null;
        var titleCell = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var link in BlockLinks.In(Paragraph(cells[i])?.Inline, line, warnings))
            {
                if (link.IsNavigation) continue;
                if (title is null)
                {
                    title = link;
                    titleCell = i;
                    links.Add(new EntryLink(link.Url, link.Text, LinkRole.Primary));
                }
                else
                {
                    links.Add(new EntryLink(link.Url, link.Text, LinkRole.Related));
                }
            }
        }
        string NameOf(int i) => i < header.Count ? header[i] : ColumnName(i);
        var description = string.Join(" · ", texts.Select((text, i) => (Name: NameOf(i), Text: text))
            .Where((f, i) => i != titleCell && f.Text.Length > 0).Select(f => $"{f.Name}: {f.Text}"));
        var titleText = title is { Text.Length: > 0 } ? title.Text : texts.ElementAtOrDefault(titleCell) ?? "";
        return new EntryFields(title is null ? EntryKind.Note : EntryKind.Link, null,
            EntryFieldReader.NullIfEmpty(titleText), title?.Url, [], EntryFieldReader.NullIfEmpty(description), links)
        {
            Cells = cells.Select((c, i) => new EntryCell(NameOf(i), AsWritten(table.Source, c))).ToList(),
        };
    }

    /// <summary>The cell's Markdown as the author wrote it between its pipes (escaped pipes still escaped).</summary>
    private static string AsWritten(string source, TableCell cell) =>
        cell.Span.Start >= source.Length ? ""
            : source.Substring(cell.Span.Start, Math.Min(cell.Span.End, source.Length - 1) - cell.Span.Start + 1)
                .Trim().Trim('|').Trim();

    /// <summary>The cells written on the row's line: Markdig pads every row to the widest one with cells of no
    /// source, which are not the author's.</summary>
    private static List<TableCell> Written(TableRow row) =>
        row.OfType<TableCell>().Where(c => c.Span.End >= c.Span.Start).ToList();

    private static ParagraphBlock? Paragraph(TableCell cell) => cell.OfType<ParagraphBlock>().FirstOrDefault();

    private static string Name(TableCell cell, int index) =>
        InlineText.Plain(Paragraph(cell)?.Inline) is { Length: > 0 } name ? name : ColumnName(index);

    private static string ColumnName(int index) => $"Column {index + 1}";
}

/// <summary>A table read from a paragraph: the header's names, the rows below the delimiter row, the paragraph's text
/// (which the rows' spans count in) and the header row's line in it.</summary>
internal sealed record ParsedTable(IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, string Source,
    int HeaderLine);
