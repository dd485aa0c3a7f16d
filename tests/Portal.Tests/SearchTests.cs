using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class SearchTests(TestDatabase server)
{
    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".result-title").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Search_finds_a_table_row_by_its_cells_and_a_passage_by_its_words()
    {
        // Otherwise: a list kept in tables or prose is imported but its rows and paragraphs are never found.
        await using var app = await PortalApp.StartAsync(server);
        await app.ImportAsync("# Films\n\n| Name | Genre |\n|---|---|\n| [Hackers](https://h.example/) | " +
            "Cyberpunk |\n\nRead [the zeppelin guide](https://z.example/) before the rest.\n");
        var client = app.Client();

        var row = Html.Parse(await client.GetStringAsync("/search?q=cyberpunk"));
        Assert.Equal(["Hackers"], Titles(row));
        Assert.Contains("Genre: Cyberpunk", row.QuerySelector(".result-description")!.TextContent);
        var passage = Html.Parse(await client.GetStringAsync("/search?q=zeppelin"));
        Assert.Equal(["Read the zeppelin guide before the rest."], Titles(passage));
        Assert.Equal("Films", passage.QuerySelector(".result .meta a")!.TextContent);
    }

    [Fact]
    public async Task A_rows_hit_shows_its_section_and_each_of_its_other_cells_by_the_headers_name()
    {
        // Otherwise: a reader who finds a row by a word in its third column cannot see which column said it, or in
        // which section of a list kept in tables the row stands.
        await using var app = await PortalApp.StartAsync(server);
        await app.ImportAsync("# Public APIs\n\n## Weather\n\n| API | Description | Auth |\n|---|---|---|\n" +
            "| [Open-Meteo](https://open-meteo.example/) | Forecasts *worldwide* | `apiKey` |\n");

        var page = Html.Parse(await app.Client().GetStringAsync("/search?q=worldwide"));

        Assert.Equal(["Open-Meteo"], Titles(page));
        Assert.Equal("Description: Forecasts worldwide · Auth: apiKey",
            page.QuerySelector(".result-description")!.TextContent.Trim());
        Assert.Equal("worldwide", page.QuerySelector(".result-description mark")!.TextContent);
        Assert.Equal("Weather", page.QuerySelector(".result .meta a")!.TextContent);
    }

    [Fact]
    public async Task Search_ranks_title_matches_and_marks_the_words()
    {
        // Otherwise: a reader searching "macvlan" wades through unrelated links.
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/search?q=macvlan"));
        var titles = Titles(page);
        Assert.Contains("macvlan and ipvlan", titles);
        Assert.Contains("macvlan host to guest connection", titles);
        Assert.Contains(page.QuerySelectorAll(".result-title mark"), m => m.TextContent.Equals("macvlan", StringComparison.OrdinalIgnoreCase));
        Assert.Null(page.QuerySelector(".notice"));
    }

    [Theory]
    [InlineData("calcio", "Getting started with Calico on Kubernetes")]
    [InlineData("macvlna", "macvlan and ipvlan")]
    public async Task A_typo_still_finds_the_entry(string typo, string expected)
    {
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync($"/search?q={typo}"));
        Assert.Contains(expected, Titles(page));
        Assert.Contains("showing results for", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Authors_and_hosts_are_searchable_and_filters_narrow()
    {
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        Assert.Contains("Understanding container networking", Titles(Html.Parse(await client.GetStringAsync("/search?q=calcote"))));
        Assert.Contains("Understanding container networking", Titles(Html.Parse(await client.GetStringAsync("/search?q=oreilly"))));
        Assert.Equal(["Understanding container networking"], Titles(Html.Parse(await client.GetStringAsync("/search?q=calcote+networking"))));

        var all = Titles(Html.Parse(await client.GetStringAsync("/search?q=kubernetes")));
        var in2016 = Titles(Html.Parse(await client.GetStringAsync("/search?q=kubernetes&from=2016&to=2016")));
        Assert.True(all.Count > in2016.Count);
        Assert.Equal(["Why Kubernetes doesn’t use libnetwork"], in2016);
        var inSection = Html.Parse(await client.GetStringAsync("/search?q=iptables&section=network-debugging"));
        Assert.NotEmpty(Titles(inSection));
        Assert.All(inSection.QuerySelectorAll(".result .meta a"), a => Assert.Equal("Network Debugging", a.TextContent));
        Assert.Empty(Titles(Html.Parse(await client.GetStringAsync("/search?q=iptables&section=overview"))));
        Assert.Equal(["Understanding container networking"], Titles(Html.Parse(await client.GetStringAsync("/search?q=networking&author=lee-calcote"))));
        Assert.Equal(["Why Kubernetes doesn’t use libnetwork"],
            Titles(Html.Parse(await client.GetStringAsync("/search?q=kubernetes&from=2016&to=2016&section=docker-and-kubernetes"))));
    }

    [Fact]
    public async Task When_no_entry_has_every_word_entries_with_any_are_shown()
    {
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/search?q=macvlan+mininet"));
        var titles = Titles(page);
        Assert.Contains("macvlan and ipvlan", titles);
        Assert.Contains("Teaching Computer Networking with Mininet", titles);
        Assert.Contains("any of these words", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Nothing_found_says_so()
    {
        await using var app = await PortalApp.StartAsync(server);
        var html = await app.Client().GetStringAsync("/search?q=zzqqxxyy");
        Assert.Contains("Nothing matches", html);
    }
}
