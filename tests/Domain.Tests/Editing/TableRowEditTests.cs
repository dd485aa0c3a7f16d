using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.Editing;

/// <summary>An editor's change to a table row: the row's line rewritten, read back by the importer's rule, and the
/// rest of the file as it was.</summary>
public class TableRowEditTests
{
    private const string Table = "# S\n\nIntro.\n\n| Name | Kind | Notes |\n|:--|---|--:|\n" +
        "|[Cilium](https://cilium.example/)|eBPF| fast |\n| [Calico](https://calico.example/) | BGP | policy |\n" +
        "\nAfter.\n";

    private static (ListDocument Document, Entry Row) Imported(string file, int row)
    {
        var document = ReadingListParser.Parse(file).Document;
        var entry = new Entry { Markdown = "" };
        EntryContent.Apply(entry, document.Sections[0].Entries[row], DateTimeOffset.UnixEpoch);
        return (document, entry);
    }

    [Fact]
    public void A_row_rewritten_from_its_cells_is_read_back_as_the_importer_reads_it()
    {
        // Otherwise: a row saved from the editor reads differently from the same row imported, and the next import
        // of the exported file reports it changed or loses its cells.
        var (document, row) = Imported(Table, 0);
        var line = TableRowMarkdown.Compose(["[Cilium docs](https://docs.cilium.example/)", "eBPF", "fast, small"]);

        Assert.Null(EntryContent.Rewrite(row, line, DateTimeOffset.UnixEpoch));

        Assert.Equal("| [Cilium docs](https://docs.cilium.example/) | eBPF | fast, small |", row.Markdown);
        Assert.Equal(EntryShape.TableRow, row.Shape);
        Assert.Equal(("Cilium docs", "https://docs.cilium.example/"), (row.Title, row.Url));
        Assert.Equal(["Name", "Kind", "Notes"], row.Cells.Select(c => c.Name));
        document.Sections[0].Entries[0].Markdown = row.Markdown;
        var reread = ReadingListParser.Parse(ReadingListWriter.Write(document)).Document.Sections[0].Entries[0];
        Assert.Equal(reread.Fields.Cells, row.Cells);
        Assert.Equal(reread.Fields.Description, row.Description);
        Assert.Equal(reread.LeadingMarkdown, row.LeadingMarkdown);
    }

    [Fact]
    public void A_pipe_typed_in_a_cell_is_escaped_and_stays_in_its_cell()
    {
        // Otherwise: "TCP | UDP" typed in a cell splits the row into one more column than its header.
        var (_, row) = Imported(Table, 1);
        var line = TableRowMarkdown.Compose(["[Calico](https://calico.example/)", "TCP | UDP", "a \\| b"]);

        Assert.Equal("| [Calico](https://calico.example/) | TCP \\| UDP | a \\| b |", line);
        Assert.Null(EntryContent.Rewrite(row, line, DateTimeOffset.UnixEpoch));
        Assert.Equal(["[Calico](https://calico.example/)", "TCP \\| UDP", "a \\| b"],
            row.Cells.Select(c => c.Markdown));
        Assert.Equal("TCP | UDP", TableRowMarkdown.Unescape(row.Cells[1].Markdown));
    }

    [Fact]
    public void A_changed_row_in_a_CRLF_file_takes_CRLF_and_nothing_else_in_the_file_changes()
    {
        // Otherwise: git diff on the exported file shows every line changed, or the edited row alone ends in LF.
        var file = "\uFEFF" + Table.Replace("\n", "\r\n");
        var (document, row) = Imported(file, 1);
        Assert.Null(EntryContent.Rewrite(row, TableRowMarkdown.Compose(["[Calico](https://calico.example/)", "BGP",
            "policy, IPAM"]), DateTimeOffset.UnixEpoch));
        document.Sections[0].Entries[1].Markdown = row.Markdown;

        Assert.Equal(file.Replace("| [Calico](https://calico.example/) | BGP | policy |",
            "| [Calico](https://calico.example/) | BGP | policy, IPAM |"), ReadingListWriter.Write(document));
    }

    [Theory]
    [InlineData("* [Calico](https://calico.example/)")]
    [InlineData("# Calico")]
    [InlineData("| [Calico](https://calico.example/) |\n| second |")]
    public void Text_that_is_not_one_row_is_refused_with_a_sentence_and_the_row_is_unchanged(string markdown)
    {
        // Otherwise: a bullet saved over a row turns it into a list item inside the table, or splits it in two.
        var (_, row) = Imported(Table, 1);
        Assert.Equal(EntryContent.NotOneRow, EntryContent.Rewrite(row, markdown, DateTimeOffset.UnixEpoch));
        Assert.Equal("| [Calico](https://calico.example/) | BGP | policy |", row.Markdown);
    }

    [Fact]
    public void A_passage_is_refused_with_the_one_sentence_that_says_why()
    {
        // Otherwise: a guide's paragraph saved through the bullet form comes back as a bullet and loses its links.
        var document = ReadingListParser.Parse("# S\n\nRead [a](https://a.example/) and [b](https://b.example/).\n")
            .Document;
        var passage = new Entry { Markdown = "" };
        EntryContent.Apply(passage, document.Sections[0].Entries[0], DateTimeOffset.UnixEpoch);
        Assert.Equal(EntryContent.PassageKeptAsWritten,
            EntryContent.Rewrite(passage, "[a](https://a.example/)", DateTimeOffset.UnixEpoch));
        Assert.Equal(EntryShape.Passage, passage.Shape);
    }
}
