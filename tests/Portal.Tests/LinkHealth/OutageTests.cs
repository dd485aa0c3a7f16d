using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>
/// Nights when the checker's own network fails: names of the form siteN.test resolve to the fixture server on
/// 127.0.0.1 while the "network" is up, and not at all while it is down. Nothing else is ever dialled.
/// </summary>
[Collection(PortalCollection.Name)]
public class OutageTests(TestDatabase database)
{
    private sealed class SwitchableDns(params string[] deadHosts) : IHostResolver
    {
        public volatile bool NetworkUp;

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            NetworkUp && host.EndsWith(".test", StringComparison.Ordinal) && !deadHosts.Contains(host)
                ? Task.FromResult(new[] { IPAddress.Loopback })
                : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static object? Answer(string path, int n) => path switch
    {
        "/hook" => Response(200, "OK", body: "ok"),
        var p when p.StartsWith("/dead", StringComparison.Ordinal) => Response(404, "Not Found"),
        _ => Response(200, "OK", "Content-Type: text/html\r\n", "<title>Working page</title>"),
    };

    /// <summary>Sites site0.test .. site{n-1}.test with two pages each; the first two sites also have a dead page.</summary>
    private static string List(FixtureServer server, int sites)
    {
        var lines = Enumerable.Range(0, sites).SelectMany(s => new[]
        {
            $"* [Page one of {s}](http://site{s}.test:{server.Port}/one)",
            $"* [Page two of {s}](http://site{s}.test:{server.Port}/two)",
        }.Concat(s < 2 ? [$"* [Dead page of {s}](http://site{s}.test:{server.Port}/dead{s})"] : []));
        return $"# Outage list\n\n## Section A\n\n{string.Join('\n', lines)}\n";
    }

    private static async Task<PortalApp> StartAsync(
        TestDatabase database, FixtureServer server, SwitchableDns dns, int sites, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:WebhookUrl"] = server.Url("/hook"),
            ["LinkHealth:PublicUrl"] = "https://links.example.org",
            ["LinkHealth:RetryBaseDelay"] = "00:00:00.010",
            ["LinkHealth:Politeness:MinDelayPerHost"] = "00:00:00",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        var app = await PortalApp.StartAsync(database, importSeed: false, settings, services: s => s.AddSingleton<IHostResolver>(dns));
        await app.ImportAsync(List(server, sites));
        return app;
    }

    private static List<string> Hooks(FixtureServer server) => server.Bodies.Where(b => b.Path == "/hook")
        .Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("text").GetString()!).ToList();

    [Fact]
    public async Task Three_nights_without_dns_break_nothing_and_then_two_dead_pages_break_after_two_real_nights()
    {
        // Otherwise: one night without a resolver marks the whole list broken, badges every entry and tells the team it died.
        await using var server = new FixtureServer(Answer);
        var dns = new SwitchableDns();
        await using var app = await StartAsync(database, server, dns, sites: 6);

        for (var night = 1; night <= 3; night++)
        {
            var run = await app.RunNowAsync();
            var stored = await app.QueryAsync(db => db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
            Assert.Equal(RunVerdictKind.Inconclusive, stored.Verdict);
            Assert.Contains("could not reach the network", stored.VerdictReason);
            Assert.Equal(14, stored.Counts.Failed);
            Assert.Equal(0, stored.Counts.Broken);
            Assert.Equal(0, stored.NewlyBroken);
        }
        Assert.Equal(0, new[] { "/one", "/two", "/dead0", "/dead1" }.Sum(server.Hits)); // only the webhook was reached
        Assert.False(await app.QueryAsync(db => db.LinkStates.AnyAsync(s => s.ConsecutiveFailures > 0)));
        var hooks = Hooks(server);
        Assert.Equal(3, hooks.Count);
        Assert.All(hooks, h => Assert.Contains("could not reach the network", h));
        Assert.All(hooks, h => Assert.DoesNotContain("newly broken", h));
        Assert.All(hooks, h => Assert.Contains("14 failed", h));
        Assert.DoesNotContain("link-badge", await app.Client().GetStringAsync("/sections/section-a"));

        var editor = await app.SignedInAsync(Roles.Editor);
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        Assert.Equal("Inconclusive", report.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Equal(3, report.QuerySelectorAll("line.inconclusive-run").Length);
        Assert.Contains("host unreachable: site0.test", report.QuerySelector("#unreachable")!.ParentElement!.TextContent);
        var csv = await editor.GetStringAsync("/link-health/report.csv");
        Assert.Equal(14, csv.Split("\r\n").Count(l => l.Contains(",DnsFailure,")));
        // The download names each unreachable endpoint's field "host", as before the code called it an endpoint.
        using (var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json")))
            Assert.StartsWith("site0.test:", json.RootElement.GetProperty("unreachableHosts").EnumerateArray()
                .Select(h => h.GetProperty("host").GetString()).Order().First());

        dns.NetworkUp = true;
        var first = await app.RunNowAsync();
        Assert.Equal(RunVerdictKind.Conclusive, await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == first.Id).Select(r => r.Verdict).SingleAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == first.Id).Select(r => r.NewlyBroken).SingleAsync()));
        var second = await app.RunNowAsync();
        var broken = await app.QueryAsync(db => db.LinkStates.AsNoTracking().Where(s => s.BrokenSinceRunId != null).Select(s => s.Url).ToListAsync());
        Assert.Equal([$"http://site0.test:{server.Port}/dead0", $"http://site1.test:{server.Port}/dead1"], broken.Order());
        Assert.Equal(2, await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == second.Id).Select(r => r.NewlyBroken).SingleAsync()));
        var last = Hooks(server)[^1];
        Assert.Contains("2 newly broken", last);
        Assert.Equal(4, Hooks(server).Count);
    }

    [Fact]
    public async Task One_host_of_twenty_down_is_conclusive_and_its_links_fail_grouped_under_the_host()
    {
        // Otherwise: a domain that stopped resolving, the commonest rot, never shows up, or fills the report with rows.
        await using var server = new FixtureServer(Answer);
        var dns = new SwitchableDns("site7.test") { NetworkUp = true };
        await using var app = await StartAsync(database, server, dns, sites: 20, new() { ["LinkHealth:FailuresBeforeBroken"] = "1" });

        var run = await app.RunNowAsync();

        var stored = await app.QueryAsync(db => db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal(RunVerdictKind.Conclusive, stored.Verdict);
        Assert.Equal((20, 1), (stored.Counts.Hosts, stored.Counts.UnreachableHosts));
        var site7 = await app.QueryAsync(db => db.LinkStates.AsNoTracking().Where(s => s.Host == "site7.test").ToListAsync());
        Assert.Equal(2, site7.Count);
        Assert.All(site7, s => Assert.Equal(LinkOutcome.DnsFailure, s.Outcome));
        Assert.Equal(4, stored.NewlyBroken); // site7's two pages, and the two dead pages
        var editor = await app.SignedInAsync(Roles.Editor);
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        var host = Assert.Single(report.QuerySelectorAll("li[data-host]"), li => li.ParentElement!.PreviousElementSibling?.Id == "unreachable");
        Assert.Contains($"site7.test:{server.Port}, 2 links (name not resolved)", host.TextContent);
    }

    [Fact]
    public async Task Canaries_that_all_fail_make_a_run_inconclusive_even_when_the_list_answers()
    {
        // Otherwise: an operator's canaries would not hold back a night where only the list's own hosts got through.
        await using var server = new FixtureServer(Answer);
        var dns = new SwitchableDns("canary.test") { NetworkUp = true };
        await using var app = await StartAsync(database, server, dns, sites: 6,
            new() { ["LinkHealth:Canaries:0"] = $"http://canary.test:{server.Port}/up" });

        var run = await app.RunNowAsync();

        var stored = await app.QueryAsync(db => db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal(RunVerdictKind.Inconclusive, stored.Verdict);
        Assert.Contains("none of the 1 canary URL answered", stored.VerdictReason);
        Assert.False(await app.QueryAsync(db => db.LinkStates.AnyAsync()));
    }

    [Theory]
    [InlineData(false, RunVerdictKind.Inconclusive)]
    [InlineData(true, RunVerdictKind.Conclusive)]
    public async Task One_entry_on_a_dead_host_is_inconclusive_unless_a_canary_answers(bool canaryAnswers, RunVerdictKind expected)
    {
        // Otherwise: "check again now" on a night without network tells the editor the link is failing.
        await using var server = new FixtureServer(Answer);
        var dns = new SwitchableDns(canaryAnswers ? ["site3.test"] : ["site3.test", "canary.test"]) { NetworkUp = true };
        await using var app = await StartAsync(database, server, dns, sites: 6,
            new() { ["LinkHealth:Canaries:0"] = $"http://canary.test:{server.Port}/up" });
        var entryId = await app.QueryAsync(db => db.Entries.Where(e => e.Url!.Contains("site3.test") && e.Url.EndsWith("/one"))
            .Select(e => e.Id).SingleAsync());

        var run = await app.RunNowAsync(CheckTrigger.Manual, $"entry:{entryId}");

        Assert.Equal(expected, await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == run.Id).Select(r => r.Verdict).SingleAsync()));
        var state = await app.QueryAsync(db => db.LinkStates.AsNoTracking().SingleOrDefaultAsync(s => s.Host == "site3.test"));
        Assert.Equal(canaryAnswers ? 1 : 0, state?.ConsecutiveFailures ?? 0);
    }

    [Fact]
    public async Task The_cards_the_outcome_table_and_every_download_show_the_same_numbers()
    {
        // Otherwise: the page says "Broken 0, Failed once 14" while the table says 14 broken, and nobody knows which is true.
        await using var server = new FixtureServer(Answer);
        var dns = new SwitchableDns("site4.test") { NetworkUp = true };
        await using var app = await StartAsync(database, server, dns, sites: 6);
        await app.RunNowAsync();
        await app.RunNowAsync();
        var editor = await app.SignedInAsync(Roles.Editor);

        var page = Html.Parse(await editor.GetStringAsync("/link-health"));
        var cards = page.QuerySelectorAll("[data-figure]").ToDictionary(
            d => d.GetAttribute("data-figure")!, d => int.Parse(d.QuerySelector("dd")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json"));
        var figures = json.RootElement.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        using var api = JsonDocument.Parse(await app.Client().GetStringAsync("/api/link-health"));
        var apiFigures = api.RootElement.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var markdown = await editor.GetStringAsync("/link-health/report.md");

        Assert.Equal(figures, cards);
        Assert.Equal(figures, apiFigures);
        Assert.Equal((14, 10, 4, 4, 0), (figures["checked"], figures["working"], figures["failed"], figures["broken"], figures["watching"]));
        Assert.Contains("| Broken | 4 |", markdown);
        Assert.Contains("| Failed in this run | 4 |", markdown);

        var table = page.QuerySelectorAll("tr[data-outcome]").ToDictionary(
            r => r.GetAttribute("data-outcome")!, r => int.Parse(r.Children[1].TextContent, System.Globalization.CultureInfo.InvariantCulture));
        var outcomes = json.RootElement.GetProperty("lastRunOutcomes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(outcomes, table);
        Assert.Equal(figures["failed"], table.GetValueOrDefault("Broken") + table.GetValueOrDefault("DnsFailure"));
        var csv = (await editor.GetStringAsync("/link-health/report.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.Equal(outcomes["DnsFailure"], csv.Count(l => l.Contains(",DnsFailure,", StringComparison.Ordinal)));
        var hook = Hooks(server)[^1];
        Assert.Contains($"{figures["failed"]} failed", hook);
        Assert.Contains($"{figures["broken"]} broken", hook);
    }
}
