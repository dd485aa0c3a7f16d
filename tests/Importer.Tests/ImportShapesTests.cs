using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Importer.Tests;

/// <summary>Table rows and passages are imported as entries, and the import says what it read, link by link.</summary>
public class ImportShapesTests(TestDatabase server)
{
    private const string Shapes = "[![CI](https://img.shields.io/b.svg)](https://ci.example/)\n\n# Films\n\n" +
        "* [Contents](#films)\n\n| Name | Year |\n|---|---|\n| [Hackers](https://h.example/) | 1995 |\n" +
        "| [WarGames](https://w.example/) | 1983 |\n\n" +
        "Read [the guide](https://g.example/) first.\n\n" +
        "<a href=\"https://html.example/\">HTML</a> - an entry in HTML<br>\n\n" +
        "* [Bullet](https://b.example/)\n\n  More in [the notes](https://n.example/).\n\n# Tools\n\n" +
        "## [Heading](https://head.example/)\n";

    [Fact]
    public async Task Import_json_counts_entries_by_kind_links_by_place_navigation_and_links_not_shown()
    {
        // Otherwise: the import of a list kept in tables says "2 links" and nobody learns that 1,700 are unknown.
        await using var db = await server.CreateAsync();

        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(Shapes), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("""{"bullet":2,"tableRow":2,"passage":2}""", json.GetProperty("entriesByKind").GetRawText());
        Assert.Equal("""{"bullet":2,"table":2,"prose":1,"html":1}""", json.GetProperty("linksByPlace").GetRawText());
        Assert.Equal(2, result.Count("navigationLinks"));
        Assert.Equal(1, result.Count("notShownLinks"));
        Assert.Equal("[]", json.GetProperty("unknownLinks").GetRawText());
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from entries where shape = 'TableRow'"));
        Assert.Equal("""[{"name": "Name", "markdown": "[Hackers](https://h.example/)"}, """ +
            """{"name": "Year", "markdown": "1995"}]""",
            await db.ScalarAsync<string>("select cells::text from entries where url = 'https://h.example/'"));
        Assert.Equal(6L, await db.ScalarAsync<long>("select count(distinct normalized_url) from links"));
    }

    [Fact]
    public async Task The_text_summary_says_where_the_links_are_in_one_line_and_lists_unknown_ones()
    {
        // Otherwise: a curator reading the summary cannot tell that links in tables or headings were read or not.
        await using var db = await server.CreateAsync();

        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(Shapes +
            "\n<pre>\n<a href=\"https://lost.example/\">lost</a>\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("6 links: 2 in table rows, 2 in bullets, 1 in prose, 1 in HTML; 1 not known, 2 navigation, " +
            "1 not shown (before the first heading or in a heading).", result.Out);
        Assert.Contains("not known: line 24: https://lost.example/", result.Out);
    }

    [Fact]
    public async Task A_table_row_over_the_entry_limit_is_one_clear_error_and_nothing_is_written()
    {
        // Otherwise: a 10,000-character URL in a table shows a stack trace, or half the list is imported.
        await using var db = await server.CreateAsync();
        var url = "https://long.example/" + new string('a', 10_000);
        var path = Cli.TempFile($"# T\n\n| Name | Note |\n|---|---|\n| [ok](https://ok.example/) | x |\n" +
            $"| [Long]({url}) | y |\n");

        var result = await Cli.RunAsync(db.ConnectionString, "import", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {path}, line 6: ", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from entries"));
    }

    [Fact]
    public async Task Ragged_rows_and_anchors_without_href_are_line_numbered_warnings_not_failures()
    {
        // Otherwise: one ragged row or one <a name> stops a whole list from importing.
        await using var db = await server.CreateAsync();
        var path = Cli.TempFile("# T\n\n| Name | Year |\n|---|---|\n| [A](https://a.example/) |\n\n" +
            "<a>x</a> <a href=\"javascript:alert(1)\">y</a> <a href=\"https://ok.example/\">ok</a>\n");

        var result = await Cli.RunAsync(db.ConnectionString, "import", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: line 5: table row has 1 cells and the header 2", result.Out);
        Assert.Contains("warning: line 7: <a> without href; kept as text", result.Out);
        Assert.Contains("warning: line 7: <a> whose href is a javascript: address; kept as text", result.Out);
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from entries"));
    }

    [Fact]
    public async Task A_link_run_over_a_table_and_prose_list_checks_every_rows_and_passages_link()
    {
        // Otherwise: the report says "2 links checked" about a list whose rows and paragraphs hold seven.
        var asked = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        await using var fixture = new FixtureServer((path, _) =>
        {
            asked[path] = true;
            return Response(200, "OK", "Content-Type: text/html\r\n", "<title>Fine</title>");
        });
        await using var db = await server.CreateAsync();
        string U(string name) => fixture.Url("/" + name);
        var list = $"# Films\n\n| Name | Note |\n|---|---|\n| [A]({U("a")}) | [B]({U("b")}) |\n" +
            $"| [C]({U("c")}) | x |\n\n" +
            $"Read [D]({U("d")}) and <{U("e")}>.\n\n<p><a href=\"{U("f")}\">F</a></p>\n\n* [G]({U("g")})\n";

        var import = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(list), "--json");
        var run = await Cli.RunWithSettingsAsync(db.ConnectionString, LinkRunTests.Settings(fixture), "link-run",
            "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(7, import.Count("distinctUrls"));
        Assert.Equal(import.Count("distinctUrls"), run.Count("checked"));
        Assert.Equal(["/a", "/b", "/c", "/d", "/e", "/f", "/g"], asked.Keys.Where(p => p.Length == 2).Order());
    }
}
