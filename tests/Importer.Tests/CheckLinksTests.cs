using System.Text.Json;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Importer.Tests;

public class CheckLinksTests(TestDatabase server)
{
    private static object? Handle(string path, int n) => path switch
    {
        "/ok" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head><title>Fine page</title></head></html>"),
        "/moved" => Response(301, "Moved", "Location: /ok\r\n"),
        _ => Response(404, "Not Found"),
    };

    private static List<JsonElement> Lines(CliResult result) =>
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public async Task Given_urls_get_one_json_line_each_with_the_documented_fields()
    {
        // Otherwise: the command editors and scripts run by hand disagrees with the nightly job's report.
        await using var fixture = new FixtureServer(Handle);
        var result = await Cli.RunAsync(null, "check-links", "--url", fixture.Url("/ok"), "--url", fixture.Url("/gone"),
            "--url", fixture.Url("/moved"), "--allow-private", "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result).ToDictionary(l => l.GetProperty("url").GetString()!);
        Assert.Equal(3, lines.Count);
        foreach (var field in new[] { "url", "outcome", "status", "finalUrl", "redirects", "title", "contentType", "elapsedMs", "error" })
            Assert.All(lines.Values, l => Assert.True(l.TryGetProperty(field, out _), $"missing {field}"));
        Assert.Equal("Ok", lines[fixture.Url("/ok")].GetProperty("outcome").GetString());
        Assert.Equal("Fine page", lines[fixture.Url("/ok")].GetProperty("title").GetString());
        Assert.Equal("Broken", lines[fixture.Url("/gone")].GetProperty("outcome").GetString());
        Assert.Equal(404, lines[fixture.Url("/gone")].GetProperty("status").GetInt32());
        Assert.Equal("Redirected", lines[fixture.Url("/moved")].GetProperty("outcome").GetString());
        Assert.Equal(fixture.Url("/ok"), lines[fixture.Url("/moved")].GetProperty("finalUrl").GetString());
    }

    [Fact]
    public async Task Without_allow_private_loopback_is_refused_and_never_contacted()
    {
        await using var fixture = new FixtureServer(Handle);
        var result = await Cli.RunAsync(null, "check-links", "--url", fixture.Url("/ok"), "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Refused", Lines(result).Single().GetProperty("outcome").GetString());
        Assert.Equal(0, fixture.Connections);
    }

    [Fact]
    public async Task A_section_is_checked_from_the_database_each_distinct_url_once()
    {
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        var list = $"# Lab\n\n* [ok]({fixture.Url("/ok")}) by [A B]({fixture.Url("/ok")})\n* [ok again]({fixture.Url("/ok")}#part)\n* [gone]({fixture.Url("/gone")})\n\n# Other\n\n* [x](https://example.org/)\n";
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(list));

        var result = await Cli.RunAsync(db.ConnectionString, "check-links", "--section", "lab", "--allow-private", "--json");

        Assert.Equal(0, result.ExitCode);
        // A line per stored spelling (/ok and /ok#part), one request for the URL they share, none for the other section.
        Assert.Equal(3, Lines(result).Count);
        Assert.Equal(1, fixture.Hits("/ok"));
        var unknown = await Cli.RunAsync(db.ConnectionString, "check-links", "--section", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no section 'nope'", unknown.Error);
    }

    [Fact]
    public async Task A_section_is_checked_with_its_sub_sub_sections()
    {
        // Otherwise: "check-links --section" reports a section healthy while links two levels down are dead.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(NestedSections.List(fixture.Url(""))));

        var result = await Cli.RunAsync(db.ConnectionString, "check-links", "--section", NestedSections.Top, "--allow-private", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(NestedSections.UnderTop.Length, Lines(result).Count);
        Assert.Equal(0, fixture.Hits("/beside"));
        Assert.Equal(1, fixture.Hits("/bottom"));
    }
}
