using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

/// <summary>What a reader notices: one count everywhere, a meaningful "Recently added", one vocabulary.</summary>
[Collection(PortalCollection.Name)]
public class ReaderNoticesTests(TestDatabase server)
{
    private const string Parent = "general-underlying-linux-features";

    [Fact]
    public async Task The_editor_home_shows_the_same_section_totals_as_the_reader_home()
    {
        // Otherwise: an editor sees "General underlying Linux features 0" where readers see 79, and thinks the section is empty.
        await using var app = await PortalApp.StartAsync(server);
        var reader = Html.Parse(await app.Client().GetStringAsync("/"));
        var readerCounts = reader.QuerySelectorAll("nav.toc li").ToDictionary(
            li => li.QuerySelector(":scope > a")!.GetAttribute("href")!["/sections/".Length..],
            li => li.QuerySelector(":scope > .count")!.TextContent);
        Assert.NotEqual("0", readerCounts[Parent]);

        var editor = await app.SignedInAsync(Roles.Editor);
        var admin = Html.Parse(await editor.GetStringAsync("/admin"));
        var rows = admin.QuerySelectorAll(".editor-section-list li").ToList();
        Assert.Equal(readerCounts.Count, rows.Count);
        foreach (var row in rows)
        {
            var slug = row.QuerySelector("a.quiet")!.GetAttribute("href")!["/sections/".Length..];
            Assert.Equal(readerCounts[slug], row.QuerySelector(".count")!.TextContent);
        }
        var parent = rows.Single(r => r.QuerySelector("a.quiet")!.GetAttribute("href") == $"/sections/{Parent}");
        Assert.Equal($"{readerCounts[Parent]} entries with its subsections", parent.QuerySelector(".count")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_freshly_imported_list_has_no_recently_added_block()
    {
        // Otherwise: the home page lists ten arbitrary entries of the first import ("paper", "github") as if they were news.
        await using var app = await PortalApp.StartAsync(server);
        var home = Html.Parse(await app.Client().GetStringAsync("/"));
        Assert.Null(home.QuerySelector("#recent-heading"));
        Assert.NotEmpty(home.QuerySelectorAll("nav.toc a"));
    }

    [Fact]
    public async Task Entries_added_after_the_first_import_are_recent_and_a_nested_one_names_its_parent()
    {
        // Otherwise: a new talk filed under a person or project shows as a bare title nobody can place.
        await using var app = await PortalApp.StartAsync(server);
        const string parentLine = "  * Kubernetes Container Network Interface: [CNI](https://github.com/containernetworking/cni)\n";
        var seed = await File.ReadAllTextAsync(RepoRoot.Seed);
        Assert.Contains(parentLine, seed);
        await app.ImportAsync(seed.Replace(parentLine, parentLine + "    * [A CNI plugin walk-through](https://walkthrough.example/cni)\n")
            .Replace("## Overview\n\n", "## Overview\n\n* [A new overview](https://overview.example/)\n"));

        var client = app.Client();
        var home = await Eventually.ReadAsync(async () => Html.Parse(await client.GetStringAsync("/")),
            page => page.QuerySelector("#recent-heading") is not null, "the home page never showed the new entries");
        var items = home.QuerySelectorAll(".recent-list li").ToList();
        Assert.Equal(2, items.Count);
        var nested = items.Single(li => li.TextContent.Contains("A CNI plugin walk-through", StringComparison.Ordinal));
        Assert.Equal("CNI", nested.QuerySelector(".parent-title")!.TextContent);
        var top = items.Single(li => li.TextContent.Contains("A new overview", StringComparison.Ordinal));
        Assert.Null(top.QuerySelector(".parent-title"));
    }

    [Fact]
    public async Task Pages_feeds_and_the_API_say_entries_for_entries_and_links_for_links()
    {
        // Otherwise: the home page promises "102 curated links" for a list of 102 entries and 122 links, and each page counts differently.
        await using var app = await PortalApp.StartAsync(server);
        var entries = await app.Database.ScalarAsync<long>("select count(*) from entries");
        var links = await app.Database.ScalarAsync<long>("select count(*) from links");
        Assert.NotEqual(entries, links);
        var client = app.Client();

        var home = Html.Parse(await client.GetStringAsync("/"));
        Assert.StartsWith($"{entries} entries with {links} links on ", home.QuerySelector("p.lede")!.TextContent);
        Assert.StartsWith($"{entries} entries with {links} links on ", home.Meta("description"));

        var section = Html.Parse(await client.GetStringAsync($"/sections/{Parent}"));
        Assert.Matches(@"^\d+ entries in its subsections", section.QuerySelector("article.section p.meta")!.TextContent);
        Assert.Matches(@"^\d+ entries on ", section.Meta("og:description"));
        Assert.EndsWith(": new entries", section.QuerySelector("link[type='application/atom+xml']")!.GetAttribute("title"));

        var author = Html.Parse(await client.GetStringAsync("/authors/ivan-pepelnjak"));
        Assert.Matches(@"^\d+ entr(y|ies)$", author.QuerySelector("p.meta")!.TextContent);

        Assert.Matches("<subtitle[^>]*>Newly added entries</subtitle>", await client.GetStringAsync("/feed.atom"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("number of entries", openApi);
        Assert.Contains("\"totalEntryCount\"", await client.GetStringAsync("/api/sections"));
        foreach (var page in new[] { "/", $"/sections/{Parent}", "/search?q=veth" })
            Assert.DoesNotMatch(@"curated links|\d+ links? (here|in its|with its)", await client.GetStringAsync(page));
    }
}
