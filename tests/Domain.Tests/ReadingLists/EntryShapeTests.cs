using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>One case per shape a list is written in: the Markdown, and the entries, links and kinds it must give.
/// </summary>
public class EntryShapeTests
{
    private static (SectionNode Section, IReadOnlyList<ParseWarning> Warnings) Section(string body)
    {
        var result = ReadingListParser.Parse("# S\n\n" + body);
        var exported = ReadingListWriter.Write(result.Document);
        Assert.Equal("# S\n\n" + body, exported);
        return (result.Document.Sections[0], result.Warnings);
    }

    [Fact]
    public void A_table_whose_rows_carry_links_is_one_entry_per_row_with_cells_named_by_the_header()
    {
        // Otherwise: a list kept in a table is one block of text: its links are never checked or counted.
        var (section, _) = Section("| Name | Genre | Year |\n|---|:---:|---|\n" +
            "| [Hackers](https://h.example/hackers) | Crime | 1995 |\n" +
            "| [WarGames](https://w.example/) and [trailer](https://t.example/w) | Drama | 1983 |\n");
        Assert.Equal([EntryShape.TableRow, EntryShape.TableRow], section.Entries.Select(e => e.Shape));
        Assert.Equal("\n", section.IntroMarkdown);
        Assert.Equal("| Name | Genre | Year |\n|---|:---:|---|\n", section.Entries[0].LeadingMarkdown);
        var first = section.Entries[0].Fields;
        Assert.Equal(EntryKind.Link, first.Kind);
        Assert.Equal("Hackers", first.Title);
        Assert.Equal("https://h.example/hackers", first.Url);
        Assert.Equal([new EntryCell("Name", "[Hackers](https://h.example/hackers)"), new EntryCell("Genre", "Crime"),
            new EntryCell("Year", "1995")], first.Cells);
        Assert.Equal("Genre: Crime · Year: 1995", first.Description);
        var second = section.Entries[1].Fields;
        Assert.Equal([("https://w.example/", LinkRole.Primary), ("https://t.example/w", LinkRole.Related)],
            second.Links.Select(l => (l.Url, l.Role)));
        Assert.Equal(6, section.Entries[1].Line);
    }

    [Fact]
    public void A_row_without_a_link_is_titled_by_its_first_cell()
    {
        // Otherwise: a row that names a film without linking it vanishes from the section's entries.
        var (section, _) = Section("| Name | Year |\n|---|---|\n| [Hackers](https://h.example/) | 1995 |\n" +
            "| Sneakers | 1992 |\n");
        var row = section.Entries[1].Fields;
        Assert.Equal(EntryKind.Note, row.Kind);
        Assert.Equal("Sneakers", row.Title);
        Assert.Null(row.Url);
        Assert.Equal([new EntryCell("Name", "Sneakers"), new EntryCell("Year", "1992")], row.Cells);
    }

    [Fact]
    public void A_table_without_any_link_stays_the_sections_text()
    {
        // Otherwise: a table of figures becomes rows of entries with nothing to read.
        var (section, _) = Section("| OS | Share |\n|---|---|\n| Linux | 80% |\n");
        Assert.Empty(section.Entries);
        Assert.Equal("\n| OS | Share |\n|---|---|\n| Linux | 80% |\n", section.IntroMarkdown);
    }

    [Fact]
    public void A_ragged_row_is_read_with_a_line_numbered_warning()
    {
        // Otherwise: a row with a missing or extra cell stops the import or loses its link silently.
        var (section, warnings) = Section("| Name | Year |\n|---|---|\n| [A](https://a.example/) |\n" +
            "| [B](https://b.example/) | 1990 | extra |\n");
        Assert.Equal(["https://a.example/", "https://b.example/"], section.Entries.Select(e => e.Fields.Url));
        Assert.Equal([5, 6], warnings.Where(w => w.Message.Contains("cells")).Select(w => w.Line));
    }

    [Fact]
    public void A_prose_paragraph_with_links_is_a_passage_that_knows_every_link()
    {
        // Otherwise: a guide written in paragraphs has hundreds of links nobody checks.
        var (section, _) = Section("Read [the guide](https://g.example/guide) first, then\n" +
            "<https://r.example/ref> and [more][m].\n\n[m]: https://m.example/more\n");
        var passage = section.Entries.Single();
        Assert.Equal(EntryShape.Passage, passage.Shape);
        Assert.Equal("Read [the guide](https://g.example/guide) first, then\n<https://r.example/ref> and [more][m].",
            passage.Markdown);
        Assert.Equal(["https://g.example/guide", "https://r.example/ref", "https://m.example/more"],
            passage.Fields.Links.Select(l => l.Url));
        Assert.Contains("Read the guide first", passage.Fields.Description);
    }

    [Fact]
    public void A_block_quote_with_links_is_a_passage()
    {
        // Otherwise: a "see also" quote's links are kept as text and never checked.
        var (section, _) = Section("> See also [this](https://s.example/this).\n> And that.\n");
        Assert.Equal("> See also [this](https://s.example/this).\n> And that.", section.Entries.Single().Markdown);
        Assert.Equal(EntryShape.Passage, section.Entries.Single().Shape);
    }

    [Fact]
    public void Links_written_in_HTML_are_found_by_an_HTML_parser()
    {
        // Otherwise: a list whose entries are <a href> lines knows 7 of its 978 links.
        var (section, _) = Section("<a href=\"https://one.example/\">One</a> - the first<br>\n" +
            "<a href='https://two.example/x?a=1&amp;b=2'>Two</a> - the second<br>\n\n" +
            "<table><tr><td><a href=\"https://three.example/\">Three</a></td></tr></table>\n");
        Assert.Equal([EntryShape.Passage, EntryShape.Passage], section.Entries.Select(e => e.Shape));
        Assert.Equal([("https://one.example/", "One"), ("https://two.example/x?a=1&b=2", "Two")],
            section.Entries[0].Fields.Links.Select(l => (l.Url, l.Text)));
        Assert.Equal("https://three.example/", section.Entries[1].Fields.Links.Single().Url);
        Assert.Equal("Three", section.Entries[1].Fields.Description);
    }

    [Fact]
    public void Badges_in_a_heading_or_around_a_link_are_navigation_and_never_entries()
    {
        // Otherwise: shields.io badges are checked every night as if they were reading material.
        var (section, _) = Section("[![Build](https://img.shields.io/badge/b.svg)](https://ci.example/b) " +
            "[![Stars](https://img.shields.io/s.svg)](https://github.com/o/r)\n\n" +
            "<p align=\"center\"><a href=\"https://ci.example/\"><img src=\"https://img.shields.io/x.svg\"></a></p>\n");
        Assert.Empty(section.Entries);
    }

    [Fact]
    public void Back_to_top_lines_and_anchors_are_navigation()
    {
        // Otherwise: every "back to top" line becomes an entry between the real ones.
        var (section, _) = Section("* [A](https://a.example/)\n\n**[⬆ back to top](#contents)**\n\n" +
            "<a href=\"#top\">Back to top</a>\n");
        Assert.Equal([EntryShape.Bullet], section.Entries.Select(e => e.Shape));
    }

    [Fact]
    public void HTML_links_that_are_not_web_addresses_are_kept_as_text_with_a_warning()
    {
        // Otherwise: a javascript: link becomes something the checker fetches, or the import fails.
        var (section, warnings) = Section("<a>no address</a> <a href=\"javascript:alert(1)\">x</a> " +
            "<a href=\"https://ok.example/\">ok</a>\n");
        Assert.Equal("https://ok.example/", section.Entries.Single().Fields.Links.Single().Url);
        Assert.Equal(2, warnings.Count(w => w.Line == 3 && w.Message.Contains("<a>")));
    }

    [Fact]
    public void An_HTML_block_that_never_closes_is_kept_as_text_with_a_warning()
    {
        // Otherwise: an unclosed <pre> swallows the rest of the list into one giant entry.
        var (section, warnings) = Section("<pre>\n<a href=\"https://p.example/\">p</a>\n\n# Next\n");
        Assert.Empty(section.Entries);
        Assert.Contains(warnings, w => w.Line == 3 && w.Message.Contains("never closes"));
    }

    [Fact]
    public void A_table_inside_a_list_item_stays_that_bullets_text()
    {
        // Otherwise: a table nested in a bullet is split between two entries and exported out of order.
        var (section, _) = Section("* [A](https://a.example/)\n\n  | x | y |\n  |---|---|\n" +
            "  | [B](https://b.example/) | 1 |\n");
        Assert.Equal(EntryShape.Bullet, section.Entries.Single().Shape);
    }
}
