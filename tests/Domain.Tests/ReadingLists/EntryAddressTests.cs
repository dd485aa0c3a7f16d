using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>One rule for an entry's address on every path: http or https; a link to anything else stays in the
/// Markdown as text.</summary>
public class EntryAddressTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    public void A_link_to_another_scheme_is_no_address_is_warned_about_with_its_line_and_comes_back_as_written(
        string target)
    {
        // Otherwise: the API hands out "url": "javascript:…" and a consumer's page runs it on click.
        var markdown =
            $"# S\n\n* [fine](https://fine.example/)\n* 2024-01-31: [Pwned]({target}) by [Eve]({target}): look\n";
        var result = ReadingListParser.Parse(markdown);

        var entry = result.Document.Sections[0].Entries[1];
        Assert.Null(entry.Fields.Url);
        Assert.Empty(entry.Fields.Links);
        Assert.All(entry.Fields.Authors, a => Assert.Null(a.Url));
        Assert.StartsWith("Pwned", entry.Fields.Title);
        Assert.Equal(new DateOnly(2024, 1, 31), entry.Fields.Date);
        Assert.Contains(result.Warnings, w => w.Line == 4
            && w.Message.Contains("not a web address", StringComparison.Ordinal)
            && w.Message.Contains("\"Pwned\"", StringComparison.Ordinal));
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
        var again = ReadingListParser.Parse(ReadingListWriter.Write(result.Document));
        Assert.Equal(markdown, ReadingListWriter.Write(again.Document));
    }

    [Fact]
    public void A_web_link_beside_a_refused_one_is_still_the_address()
    {
        // Otherwise: one bad link in a bullet hides the good one from search, feeds and the link check.
        var result =
            ReadingListParser.Parse("# S\n\n* [Data](data:text/html,x) and [the real one](https://ok.example/)\n");
        var fields = result.Document.Sections[0].Entries[0].Fields;
        Assert.Equal("https://ok.example/", fields.Url);
        Assert.Equal(["https://ok.example/"], fields.Links.Select(l => l.Url));
    }

    [Fact]
    public void A_link_to_an_anchor_or_a_path_is_text_without_a_warning()
    {
        // Otherwise: a table of contents fills the import report with warnings about nothing.
        var result = ReadingListParser.Parse("# Contents\n\n* [Install](#install)\n* [Guide](docs/guide.md)\n");
        Assert.All(result.Document.Sections[0].Entries, e => Assert.Null(e.Fields.Url));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_edited_entry_follows_the_same_rule()
    {
        // Otherwise: PATCH and the editor store what the importer would not (one rule, every path).
        var entry = new Entry { Markdown = "" };
        Assert.Null(EntryContent.Rewrite(entry, "[t](javascript:alert(1))", DateTimeOffset.UnixEpoch));
        Assert.Equal("[t](javascript:alert(1))", entry.Markdown);
        Assert.Null(entry.Url);
        Assert.Null(entry.NormalizedUrl);
        Assert.Empty(entry.Links);
        Assert.Equal("t", entry.Title);
    }
}
