using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>
/// The web the list points at, on 127.0.0.1: a working page, a dead one, one that moved, one whose
/// title differs from the list's, a Wayback-style archive and a webhook receiver. The portal is
/// configured to reach it (allow-list, port) and nothing else.
/// </summary>
public sealed class LinkSite : IAsyncDisposable
{
    public FixtureServer Server { get; }

    /// <summary>What an extra handler returns for "accept the request and never answer".</summary>
    public static readonly object NoAnswer = new();

    /// <param name="extra">Answers for some paths; null falls through to the site's usual answer.</param>
    public LinkSite(Func<string, int, object?>? extra = null) =>
        Server = new FixtureServer((path, n) => extra?.Invoke(path, n) is { } answer ? (ReferenceEquals(answer, NoAnswer) ? null : answer) : Answer(path));

    private static object Answer(string path) => path switch
    {
        "/ok" or "/ann" => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", "<html><head><title>Working page</title></head></html>"),
        "/titled" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head><title>The Real Title</title></head></html>"),
        "/moved" => Response(301, "Moved Permanently", "Location: /new-home\r\n"),
        "/new-home" => Response(200, "OK", "Content-Type: text/html\r\n", "<title>Working page</title>"),
        "/hook" => Response(200, "OK", body: "ok"),
        var p when p.StartsWith("/web/", StringComparison.Ordinal) && p.Contains("/gone", StringComparison.Ordinal) =>
            Response(302, "Found", "Location: /web/20200101000000/http://127.0.0.1:{port}/gone\r\n"),
        _ => Response(404, "Not Found"),
    };

    public string Url(string path) => Server.Url(path);

    public string List => $"""
        # Test list

        ## Section A

        * 2020-01-01: [Working page]({Url("/ok")}) by [Ann]({Url("/ann")})
        * [Gone page]({Url("/gone")})
        * [Old home]({Url("/moved")})

        ## Section B

        * [Wrong title]({Url("/titled")})
        * [Working page, again]({Url("/ok")})

        """;

    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = Url("/web/"),
            ["LinkHealth:WebhookUrl"] = Url("/hook"),
            ["LinkHealth:PublicUrl"] = "https://links.example.org",
            ["LinkHealth:RetryBaseDelay"] = "00:00:00.010",
            ["LinkHealth:ChunkSize"] = "2",
            ["LinkHealth:Politeness:MinDelayPerHost"] = "00:00:00",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    public async Task<PortalApp> StartPortalAsync(TestDatabase database, Dictionary<string, string?>? more = null, string role = "web")
    {
        var app = await PortalApp.StartAsync(database, importSeed: false, Settings(more), role);
        await app.ImportAsync(List);
        return app;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public static class Runs
{
    /// <summary>A run as the scheduler would do it, but here and now: start, then every chunk in turn.</summary>
    public static async Task<CheckRun> RunNowAsync(this PortalApp app, CheckTrigger trigger = CheckTrigger.Nightly, string scope = "list")
    {
        await using var services = app.Services.CreateAsyncScope();
        var jobs = services.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        var run = await jobs.StartAsync(CheckScope.TryParse(scope)!, trigger, requestedBy: null, CancellationToken.None);
        Assert.NotNull(run);
        for (var chunk = 0; chunk < run.ChunkCount; chunk++) await jobs.CheckChunkAsync(run.Id, chunk, CancellationToken.None);
        return run;
    }

    public static async Task<T> QueryAsync<T>(this PortalApp app, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = app.Database.Open();
        return await query(db);
    }

    /// <summary>
    /// Waits until Section A shows (or stops showing) a broken badge: cached reader pages are dropped when
    /// PostgreSQL's notification arrives, moments after a change, not at once. Fails with
    /// <paramref name="failure"/> after ten seconds.
    /// </summary>
    public static Task SectionShowsAsync(this PortalApp app, bool badge, string failure) =>
        Eventually.TrueAsync(async () => (await app.Client().GetStringAsync("/sections/section-a"))
            .Contains("link-badge-broken", StringComparison.Ordinal) == badge, failure, everyMs: 50);

    public static Task<LinkState> StateAsync(this PortalApp app, string url) =>
        app.QueryAsync(db => db.LinkStates.AsNoTracking().SingleAsync(s => s.Url == url));
}
