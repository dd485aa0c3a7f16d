using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>The one rule for what a table row is: the importer names every cell by the header and keeps it as
/// written, and the header and delimiter lines go with the table's first row, never into the section's prose.
/// </summary>
public class TableRowCellsTests
{
    private static SectionNode Section(string body)
    {
        var result = ReadingListParser.Parse("# S\n\n" + body);
        Assert.Equal("# S\n\n" + body, ReadingListWriter.Write(result.Document));
        return result.Document.Sections[0];
    }

    [Fact]
    public void A_table_after_prose_leaves_the_prose_as_the_introduction_and_the_header_with_the_first_row()
    {
        // Otherwise: editing the section's introduction can delete the table's header lines, and the reader page
        // shows the header's pipes as prose above the table.
        var section = Section("Films we like.\n\n| Name | Year |\n|---|---|\n| [A](https://a.example/) | 1995 |\n" +
            "| [B](https://b.example/) | 1996 |\n");
        Assert.Equal("\nFilms we like.\n\n", section.IntroMarkdown);
        Assert.Equal(["| Name | Year |\n|---|---|\n", ""], section.Entries.Select(e => e.LeadingMarkdown));
    }

    [Fact]
    public void A_table_after_bullets_opens_with_its_header_lines_as_its_first_rows_leading_text()
    {
        // Otherwise: the reader page cannot tell where a second table starts and runs it into the list before it.
        var section = Section("* [Bullet](https://b.example/)\n\n| Name |\n|---|\n| [Row](https://r.example/) |\n");
        Assert.Equal([EntryShape.Bullet, EntryShape.TableRow], section.Entries.Select(e => e.Shape));
        Assert.Equal("\n| Name |\n|---|\n", section.Entries[1].LeadingMarkdown);
    }

    [Fact]
    public void Cells_keep_their_Markdown_and_escaped_pipes_as_written()
    {
        // Otherwise: a cell "a \| b" shows as two cells, or its link and emphasis are lost on the page.
        var section = Section("| Tool | Note |\n| --- | --- |\n|[`tc`](https://tc.example/)| *a* \\| b |\n");
        Assert.Equal([new EntryCell("Tool", "[`tc`](https://tc.example/)"), new EntryCell("Note", "*a* \\| b")],
            section.Entries.Single().Fields.Cells);
    }

    [Fact]
    public void A_cell_beyond_the_header_is_named_by_its_column_and_a_missing_one_is_absent()
    {
        // Otherwise: a ragged row's extra cell has no name in the editor, or a missing cell shifts the others.
        var section = Section("| Name | Year |\n|---|---|\n[A](https://a.example/) | 1990 | extra\n" +
            "| [B](https://b.example/) |\n");
        Assert.Equal([("Name", "[A](https://a.example/)"), ("Year", "1990"), ("Column 3", "extra")],
            section.Entries[0].Fields.Cells.Select(c => (c.Name, c.Markdown)));
        Assert.Equal([("Name", "[B](https://b.example/)")],
            section.Entries[1].Fields.Cells.Select(c => (c.Name, c.Markdown)));
    }
}
