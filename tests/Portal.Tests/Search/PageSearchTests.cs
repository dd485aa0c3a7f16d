using System.Net.Http.Json;
using System.Text.Json;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Search;

/// <summary>Search inside the saved copies of the linked pages: below the list's own words, and saying so.</summary>
[Collection(PortalCollection.Name)]
public class PageSearchTests(TestDatabase server)
{
    private const string List = """
        # Test list

        ## Overlays

        * 2019-05-01: [VXLAN explained](https://blog.example.com/vxlan) by Ann Author - how overlays carry frames.
        * 2021-03-01: [Geneve in practice](https://docs.example.org/geneve) by [Gita Graf](https://gita.example.org)

        ## Bridges

        * 2020-02-02: [Linux bridges](https://www.example.net/bridges) - forwarding frames between ports.

        """;

    private const string Geneve = "https://docs.example.org/geneve";
    private const string Bridges = "https://www.example.net/bridges";

    private static async Task<PortalApp> StartAsync(TestDatabase server)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        await SaveCopyAsync(app, Geneve, "# Geneve in practice\n\nGeneve is the successor of VXLAN. A <script>alert(1)"
            + "</script> tag in the text. Its options carry zygomorphic metadata between tunnel endpoints.");
        await SaveCopyAsync(app, Bridges, "A bridge learns addresses.\n\nZygomorphic flowers have nothing to do with "
            + "it, but the word is rare enough to find this page alone.");
        return app;
    }

    private static async Task SaveCopyAsync(PortalApp app, string url, string text, int version = 1)
    {
        await using var db = app.Database.Open();
        var normalized = await db.Entries.Where(e => e.Url == url).Select(e => e.NormalizedUrl!).SingleAsync();
        db.SavedCopies.Add(new SavedCopy
        {
            NormalizedUrl = normalized, Number = version, SavedAt = DateTimeOffset.UtcNow, Url = url, FinalUrl = url,
            Host = new Uri(url).Host, Title = "Saved title", Text = text, ContentHash = CopyText.Hash(text),
            WordCount = CopyText.WordCount(text),
        });
        await db.SaveChangesAsync();
    }

    private static async Task<AngleSharp.Dom.IDocument> SearchAsync(PortalApp app, string query) =>
        Html.Parse(await app.Client().GetStringAsync($"/search?{query}"));

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".result-title").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task A_word_only_in_a_saved_page_finds_its_entry_says_so_and_shows_the_passage_encoded()
    {
        await using var app = await StartAsync(server);
        var page = await SearchAsync(app, "q=zygomorphic");
        // Otherwise: a reader remembering a phrase from an article cannot find it, or cannot tell why it matched.
        Assert.Equal(["Geneve in practice", "Linux bridges"], Titles(page).Order());
        foreach (var result in page.QuerySelectorAll(".result"))
        {
            var foundIn = result.QuerySelector(".found-in")!;
            Assert.Contains("Found in the page", foundIn.TextContent);
            Assert.Matches(@"^/entries/\d+/saved$", foundIn.QuerySelector("a")!.GetAttribute("href"));
            var passage = result.QuerySelector(".passage")!;
            Assert.Equal("zygomorphic", passage.QuerySelector("mark")!.TextContent, ignoreCase: true);
            Assert.All(passage.QuerySelectorAll("*"), e => Assert.Equal("MARK", e.TagName));
        }
        var geneve = page.QuerySelectorAll(".result").Single(r => r.QuerySelector(".result-title")!.TextContent
            == "Geneve in practice");
        Assert.Contains("<script>alert(1)</script> tag", geneve.QuerySelector(".passage")!.TextContent);
    }

    [Fact]
    public async Task Entries_matched_by_their_own_words_rank_above_those_matched_only_in_their_page()
    {
        await using var app = await StartAsync(server);
        var page = await SearchAsync(app, "q=vxlan");
        // Otherwise: a page that merely mentions VXLAN pushes the list's own VXLAN entry down the results.
        Assert.Equal(["VXLAN explained", "Geneve in practice"], Titles(page));
        var results = page.QuerySelectorAll(".result");
        Assert.Null(results[0].QuerySelector(".found-in"));
        Assert.NotNull(results[1].QuerySelector(".found-in"));
    }

    [Theory]
    [InlineData("q=zygomorphic&section=bridges", "Linux bridges")]
    [InlineData("q=zygomorphic&from=2021", "Geneve in practice")]
    [InlineData("q=zygomorphic&to=2020", "Linux bridges")]
    [InlineData("q=zygomorphic&author=gita-graf", "Geneve in practice")]
    public async Task Section_year_and_author_filters_apply_to_page_matches(string query, string only)
    {
        await using var app = await StartAsync(server);
        // Otherwise: a reader who narrows to a section or a year gets page matches from everywhere.
        Assert.Equal([only], Titles(await SearchAsync(app, query)));
    }

    [Fact]
    public async Task Only_the_latest_copy_of_a_page_is_searched()
    {
        await using var app = await StartAsync(server);
        await SaveCopyAsync(app, Geneve, "Geneve in practice, rewritten: the quokka section is gone.", version: 2);
        await SaveCopyAsync(app, Bridges, "An old version about quokka.", version: 0);
        // Otherwise: results point at words the page no longer has, with passages from an old version.
        Assert.Equal(["Geneve in practice"], Titles(await SearchAsync(app, "q=quokka")));
        Assert.Empty(Titles(await SearchAsync(app, "q=zygomorphic&section=overlays")));
    }

    [Fact]
    public async Task The_json_search_api_says_where_each_hit_was_found_and_gives_the_passage()
    {
        await using var app = await StartAsync(server);
        var search = await app.Client().GetFromJsonAsync<JsonElement>("/api/search?q=vxlan");
        var hits = search.GetProperty("hits").EnumerateArray().ToList();
        // Otherwise: scripts using the API cannot tell a page match from an entry match, or show why it matched.
        Assert.Equal(["entry", "page"], hits.Select(h => h.GetProperty("foundIn").GetString()));
        Assert.Equal(JsonValueKind.Null, hits[0].GetProperty("passage").ValueKind);
        Assert.Contains("successor of VXLAN", hits[1].GetProperty("passage").GetString());
    }
}
