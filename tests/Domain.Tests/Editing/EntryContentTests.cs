using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.Editing;

public class EntryContentTests
{
    private static Entry Entry(string markdown)
    {
        var entry = new Entry { Markdown = "" };
        Assert.Null(EntryContent.Rewrite(entry, markdown, DateTimeOffset.UnixEpoch));
        return entry;
    }

    [Fact]
    public void Replacing_a_url_rereads_the_fields_and_links_like_an_import()
    {
        // Otherwise: "use the new URL" changes the text but search, feeds and the link check keep the old URL.
        var entry = Entry("2019-03-01: [Deep dive into veth](https://old.example/veth) by [Ann Author](https://ann.example/)");
        var markdown = EntryContent.ReplaceUrl(entry.Markdown, "https://old.example/veth", "https://new.example/veth");

        Assert.Null(EntryContent.Rewrite(entry, markdown, DateTimeOffset.UnixEpoch.AddDays(1)));

        Assert.Equal("2019-03-01: [Deep dive into veth](https://new.example/veth) by [Ann Author](https://ann.example/)", entry.Markdown);
        Assert.Equal("https://new.example/veth", entry.Url);
        Assert.Equal("Deep dive into veth", entry.Title);
        Assert.Equal(new DateOnly(2019, 3, 1), entry.Date);
        Assert.Equal(["https://new.example/veth", "https://ann.example/"], entry.Links.Select(l => l.Url));
        Assert.Equal(LinkRole.Primary, entry.Links[0].Role);
        Assert.NotEmpty(entry.ContentHash);
    }

    [Fact]
    public void Accepting_a_fetched_title_rewrites_only_the_title_link_text()
    {
        var entry = Entry("[old title](https://a.example/) by [Bob](https://bob.example/): explains bridges");
        var description = entry.Description;

        var markdown = EntryContent.ReplaceTitle(entry, "New [bracketed] title");

        Assert.Equal(@"[New \[bracketed\] title](https://a.example/) by [Bob](https://bob.example/): explains bridges", markdown);
        Assert.Null(EntryContent.Rewrite(entry, markdown!, DateTimeOffset.UnixEpoch));
        Assert.Equal("New [bracketed] title", entry.Title);
        Assert.Equal(description, entry.Description);
        Assert.Equal(["Bob"], entry.Authors.Select(a => a.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    public void Markdown_that_is_not_one_bullet_is_refused_and_the_entry_is_unchanged(string markdown)
    {
        var entry = Entry("[a](https://a.example/)");
        Assert.NotNull(EntryContent.Rewrite(entry, markdown, DateTimeOffset.UnixEpoch));
        Assert.Equal("[a](https://a.example/)", entry.Markdown);
    }

    [Theory]
    [InlineData("[a](https://a.example/) \0")]
    [InlineData("[a](https://a.example/\u0001)")]
    public void Text_the_list_cannot_hold_is_not_applied(string markdown)
    {
        // Otherwise: the save reaches PostgreSQL, which refuses it with a server error.
        var entry = new Entry { Markdown = "before" };
        Assert.NotNull(EntryContent.Rewrite(entry, markdown, DateTimeOffset.UnixEpoch));
        Assert.Equal("before", entry.Markdown);
    }
}
