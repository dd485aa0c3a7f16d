using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Domain.SavedCopies.Drift;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Portal.Tests.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>
/// Pages that turn into something else between two nights: one parked, one moved to another registrable domain,
/// one edited a little. Names under .test resolve to the fixture server on 127.0.0.1; nothing else is dialled.
/// </summary>
[Collection(PortalCollection.Name)]
public class PageDriftTests(TestDatabase database)
{
    private sealed class TestNames : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            host.EndsWith(".test", StringComparison.Ordinal) ? Task.FromResult(new[] { IPAddress.Loopback })
                : throw new SocketException((int)SocketError.HostNotFound);
    }

    private const string ParkedPage = """
        <html><head><title>a.example.test is for sale</title></head><body><main><article>
        <h1>This domain is for sale!</h1>
        <p>Buy this domain today. The owner of a.example.test is accepting offers through our broker, with secure
        payment and a quick transfer of the name to your registrar once the sale is complete.</p>
        <p>Related searches: cheap hosting, cloud servers, online courses, networking jobs, web design.</p>
        </article></main></body></html>
        """;

    /// <summary>The site on its first night (0) and its second (1).</summary>
    private sealed class Site : IAsyncDisposable
    {
        public volatile int Night;
        public FixtureServer Server { get; }

        public Site() => Server = new FixtureServer((path, _) => (path, Night) switch
        {
            ("/parking", 1) => Response(200, "OK", "Content-Type: text/html\r\n", ParkedPage),
            ("/moving", 1) => Response(301, "Moved", $"Location: {Url("other.test", "/landing")}\r\n"),
            ("/landing", _) => Page(CopyPages.Article(extraParagraph: "<p>Now published by Other Media.</p>")),
            ("/relocated", >= 1) => Response(301, "Moved", $"Location: {Url("other.test", "/same")}\r\n"),
            ("/same", _) => Page(CopyPages.Article()),
            ("/edited", 1) => Page(CopyPages.Article(
                extraParagraph: "<p>Update: a reader spotted a typo in the bridge section, now fixed.</p>")),
            ("/parking" or "/moving" or "/edited" or "/relocated", 0) => Page(CopyPages.Article()),
            _ => Response(404, "Not Found"),
        });

        private static object Page(string html) => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n",
            html);

        public string Url(string host, string path) => $"http://{host}:{Server.Port}{path}";

        public string List => $"""
            # Drift list

            ## Section A

            * [Parked later]({Url("a.example.test", "/parking")})
            * [Moves away]({Url("a.example.test", "/moving")})
            * [Edited a little]({Url("a.example.test", "/edited")})
            * [Same words elsewhere]({Url("a.example.test", "/relocated")})

            """;

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static async Task<PortalApp> TwoNightsAsync(TestDatabase database, Site site)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = site.Server.Port.ToString(CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:RetryBaseDelay"] = "00:00:00.010",
            ["LinkHealth:Politeness:MinDelayPerHost"] = "00:00:00",
        };
        var app = await PortalApp.StartAsync(database, importSeed: false, settings,
            services: s => s.AddSingleton<IHostResolver>(new TestNames()));
        await app.ImportAsync(site.List);
        await app.RunAndCopyAsync();
        site.Night = 1;
        await app.RunAndCopyAsync();
        return app;
    }

    private static Task<List<PageDrift>> DriftsAsync(PortalApp app) =>
        app.QueryAsync(db => db.PageDrifts.AsNoTracking().OrderBy(d => d.Url).ToListAsync());

    [Fact]
    public async Task A_parked_page_and_one_moved_to_another_domain_are_listed_and_a_small_edit_is_not()
    {
        await using var site = new Site();
        await using var app = await TwoNightsAsync(database, site);

        var drifts = await DriftsAsync(app);
        // Otherwise: a domain takeover sends readers to adverts while every status code says 200.
        Assert.Equal([(site.Url("a.example.test", "/moving"), PageDriftReason.MovedDomain),
                (site.Url("a.example.test", "/parking"), PageDriftReason.Parked),
                (site.Url("a.example.test", "/relocated"), PageDriftReason.MovedDomain)],
            drifts.Select(d => (d.Url, d.Reason)));
        Assert.Equal(3, await app.QueryAsync(db => db.SavedCopies.CountAsync(c => c.Number == 2)));

        var report = Html.Parse(await (await app.SignedInAsync(Roles.Editor)).GetStringAsync("/link-health"));
        var section = report.QuerySelector("#changed")!;
        Assert.Contains("Changed beyond recognition", section.TextContent);
        var parked = section.QuerySelector("[data-reason='Parked']")!;
        Assert.Contains("parked or for-sale domain", parked.TextContent);
        Assert.Contains("Container networking, from the bottom up", parked.QuerySelector(".drift-old")!.TextContent);
        Assert.Contains(CopyPages.ArticleWords, parked.QuerySelector(".drift-old")!.TextContent);
        Assert.Contains("is for sale", parked.QuerySelector(".drift-new")!.TextContent);
        Assert.Contains("Buy this domain today", parked.QuerySelector(".drift-new")!.TextContent);
        var moved = section.QuerySelector("[data-reason='MovedDomain']")!;
        Assert.Contains("another website (a.example.test → other.test)", moved.TextContent);
        Assert.DoesNotContain("Edited a little", section.TextContent);
    }

    [Fact]
    public async Task The_same_words_served_from_another_domain_are_noticed_once_not_every_night()
    {
        // Otherwise: a text copied onto a bought domain passes as the same page, or the report repeats the move
        // every morning after an editor has seen it.
        await using var site = new Site();
        await using var app = await TwoNightsAsync(database, site);
        var url = site.Url("a.example.test", "/relocated");
        var first = Assert.Single(await DriftsAsync(app), d => d.Url == url);
        Assert.Equal(site.Url("other.test", "/same"), first.NewFinalUrl);
        Assert.Equal(1, await app.QueryAsync(db => db.SavedCopies.CountAsync(c => c.Url == url)));

        await app.RunAndCopyAsync();

        var again = Assert.Single(await DriftsAsync(app), d => d.Url == url);
        Assert.Equal(first.DetectedAt, again.DetectedAt);
    }

    [Fact]
    public async Task Keeping_the_new_page_and_retiring_the_entry_take_one_click_each_and_are_in_the_history()
    {
        await using var site = new Site();
        await using var app = await TwoNightsAsync(database, site);
        var editor = await app.SignedInAsync(Roles.Editor);
        var drifts = await DriftsAsync(app);
        var moved = drifts.Single(d => d.Url == site.Url("a.example.test", "/moving"));
        var parked = drifts.Single(d => d.Reason == PageDriftReason.Parked);
        var parkedEntry = await app.QueryAsync(db => db.Entries.Where(e => e.Url == parked.Url).Select(e => e.Id)
            .SingleAsync());

        var mismatched = await editor.PostFormAsync("/link-health", "/link-health/drift/retire", new()
        {
            ["id"] = moved.Id.ToString(CultureInfo.InvariantCulture),
            ["entryId"] = parkedEntry.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Contains("does not link this page", await editor.FollowAsync(mismatched));
        var accepted = await editor.PostFormAsync("/link-health", "/link-health/drift/accept",
            new() { ["id"] = moved.Id.ToString(CultureInfo.InvariantCulture) });
        var acceptedNotice = await editor.FollowAsync(accepted);
        var retired = await editor.PostFormAsync("/link-health", "/link-health/drift/retire", new()
        {
            ["id"] = parked.Id.ToString(CultureInfo.InvariantCulture),
            ["entryId"] = parkedEntry.ToString(CultureInfo.InvariantCulture),
        });

        // Otherwise: the alerts stay on the report for ever, or decisions leave no trace of who made them.
        Assert.Contains("Accepted", acceptedNotice);
        Assert.Contains("Retired", await editor.FollowAsync(retired));
        var after = (await DriftsAsync(app)).Where(d => d.Id == moved.Id || d.Id == parked.Id).ToList();
        Assert.Equal([PageDriftResolution.Accepted, PageDriftResolution.Retired],
            after.OrderBy(d => d.Reason).Select(d => d.Resolution));
        Assert.All(after, d => Assert.StartsWith("editor-", d.ResolvedBy));
        var history = await app.QueryAsync(db => db.ContentChanges.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Action, c.Summary, c.UserName }).ToListAsync());
        Assert.Equal(["changed page accepted", "retired"], history.Select(h => h.Action));
        Assert.Contains(moved.Url, history[0].Summary);
        Assert.All(history, h => Assert.StartsWith("editor-", h.UserName));
        Assert.True(await app.QueryAsync(db => db.Entries.IgnoreQueryFilters()
            .AnyAsync(e => e.Id == parkedEntry && e.RetiredAt != null)));
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        Assert.Empty(report.QuerySelectorAll($"#changed [data-drift='{moved.Id}'], #changed [data-drift='{parked.Id}']"));
        var again = await editor.PostFormAsync("/link-health", "/link-health/drift/accept",
            new() { ["id"] = moved.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("settled already", await editor.FollowAsync(again));
    }

    [Fact]
    public async Task Retiring_from_an_alert_when_the_entry_was_retired_meanwhile_leaves_the_alert_open()
    {
        // Otherwise: the alert closes as "retired" by this editor while their retire was refused, and history and
        // report disagree about who dealt with the page.
        await using var site = new Site();
        await using var app = await TwoNightsAsync(database, site);
        var editor = await app.SignedInAsync(Roles.Editor);
        var parked = (await DriftsAsync(app)).Single(d => d.Reason == PageDriftReason.Parked);
        var entryId = await app.QueryAsync(db => db.Entries.Where(e => e.Url == parked.Url).Select(e => e.Id)
            .SingleAsync());
        await app.QueryAsync(db => db.Entries.Where(e => e.Id == entryId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.RetiredAt, DateTimeOffset.UtcNow)));

        var retired = await editor.PostFormAsync("/link-health", "/link-health/drift/retire", new()
        {
            ["id"] = parked.Id.ToString(CultureInfo.InvariantCulture),
            ["entryId"] = entryId.ToString(CultureInfo.InvariantCulture),
        });

        // Refused by the retire itself, after the alert was marked retired: neither is written.
        Assert.Contains("The entry is already retired.", await editor.FollowAsync(retired));
        Assert.Null((await DriftsAsync(app)).Single(d => d.Id == parked.Id).ResolvedAt);
        Assert.Equal(0, await app.QueryAsync(db => db.ContentChanges.CountAsync()));
    }
}
