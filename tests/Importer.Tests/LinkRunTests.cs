using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Importer.Tests;

/// <summary>link-run: a recorded run from the command line, by the nightly job's own services and settings.</summary>
public class LinkRunTests(TestDatabase server)
{
    private static object? Handle(string path, int n) => path switch
    {
        "/ok" => Response(200, "OK", "Content-Type: text/html\r\n", "<title>Fine</title>"),
        "/hook" => Response(200, "OK", body: "ok"),
        _ => Response(404, "Not Found"),
    };

    internal static Dictionary<string, string?> Settings(FixtureServer fixture, params int[] ports)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:WebhookUrl"] = fixture.Url("/hook"),
            ["LinkHealth:RetryBaseDelay"] = "00:00:00.010",
            ["LinkHealth:Politeness:MinDelayPerHost"] = "00:00:00",
        };
        foreach (var (port, i) in ports.Prepend(fixture.Port).Select((p, i) => (p, i)))
            settings[$"LinkHealth:AllowedPorts:{i}"] = port.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    [Fact]
    public async Task A_run_from_the_command_line_is_recorded_moves_states_and_tells_the_webhook_like_the_nightly_one()
    {
        // Otherwise: an operator who runs the check by hand gets numbers the report never shows, or no states moved.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile($"# L\n\n## A\n\n* [ok]({fixture.Url("/ok")})\n* [gone]({fixture.Url("/gone")})\n"));

        var first = await Cli.RunWithSettingsAsync(db.ConnectionString, Settings(fixture), "link-run", "--json");
        var second = await Cli.RunWithSettingsAsync(db.ConnectionString, Settings(fixture), "link-run", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        foreach (var field in new[] { "runId", "verdict", "reason", "checked", "ok", "redirected", "failed", "newlyBroken", "broken", "blocked", "skipped" })
            Assert.True(second.Json.TryGetProperty(field, out _), $"missing {field}");
        Assert.Equal("Conclusive", second.Json.GetProperty("verdict").GetString());
        Assert.Equal((2, 1, 1, 1, 1), (second.Count("checked"), second.Count("ok"), second.Count("failed"), second.Count("newlyBroken"),
            second.Count("broken")));
        Assert.Equal(0, first.Count("newlyBroken"));
        Assert.True(second.Count("runId") > first.Count("runId"));
        var hook = Assert.Single(fixture.Bodies, b => b.Path == "/hook");
        Assert.Contains("1 newly broken", hook.Body);
    }

    [Fact]
    public async Task A_run_that_reaches_nothing_is_inconclusive_and_exits_4()
    {
        // Otherwise: a cron job running link-run on a machine without network reports the list dead and exits as if all was well.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        using var closedPort = new ClosedPort();
        var closed = closedPort.Port;
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile($"# L\n\n## A\n\n* [down](http://127.0.0.1:{closed}/page)\n"));

        var result = await Cli.RunWithSettingsAsync(db.ConnectionString, Settings(fixture, closed), "link-run", "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("Inconclusive", result.Json.GetProperty("verdict").GetString());
        Assert.Contains("no host answered", result.Json.GetProperty("reason").GetString());
        Assert.Equal((1, 0), (result.Count("failed"), result.Count("broken")));
        Assert.Contains("inconclusive", result.Error); // the warning a worker would log
        Assert.Contains("could not reach the network", Assert.Single(fixture.Bodies, b => b.Path == "/hook").Body);
    }

    [Fact]
    public async Task Bad_settings_and_an_unknown_section_stop_it_with_one_line_before_anything_is_dialled()
    {
        // Otherwise: a typo in LinkHealth__Canaries is found at 2 a.m. by a run that then means nothing.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile($"# L\n\n## A\n\n* [ok]({fixture.Url("/ok")})\n"));
        var settings = Settings(fixture);
        settings["LinkHealth:Canaries:0"] = "not a url";

        var bad = await Cli.RunWithSettingsAsync(db.ConnectionString, settings, "link-run");
        var unknown = await Cli.RunWithSettingsAsync(db.ConnectionString, Settings(fixture), "link-run", "--section", "nope");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("LinkHealth:Canaries 'not a url' is not an http(s) URL", bad.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no section 'nope'", unknown.Error);
        Assert.Equal(0, fixture.Hits("/ok"));
    }

    [Fact]
    public async Task Check_links_prints_a_line_for_every_url_given_even_two_spellings_of_one()
    {
        // Otherwise: a script that pastes its list in gets fewer lines back than it sent and cannot match them up.
        await using var fixture = new FixtureServer(Handle);
        var urls = new[] { fixture.Url("/gone"), fixture.Url("/ok"), fixture.Url("/ok#part"), fixture.Url("/ok?utm_source=chat") };

        var result = await Cli.RunAsync(null, ["check-links", .. urls.SelectMany(u => new[] { "--url", u }), "--allow-private", "--json"]);

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(urls, lines.Select(l => l.GetProperty("url").GetString()));
        Assert.Equal(1, fixture.Hits("/ok"));
        Assert.Single(lines.Skip(1).Select(l => l.GetProperty("normalizedUrl").GetString()).Distinct());
        Assert.All(lines.Skip(1), l => Assert.Equal("Ok", l.GetProperty("outcome").GetString()));
        Assert.Contains("Checked 2 URLs (4 lines given)", result.Error);
        var one = await Cli.RunAsync(null, "check-links", "--url", fixture.Url("/ok"), "--allow-private");
        Assert.Contains("Checked 1 URL (1 line given)", one.Error);
    }
}
