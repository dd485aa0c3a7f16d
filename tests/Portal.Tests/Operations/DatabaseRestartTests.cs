using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>
/// Readers under a steady load while the portal's PostgreSQL (a cluster of the test's own) restarts or stays
/// down: reads ride out a restart on their retries; an outage costs only the pages the caches do not hold.
/// </summary>
[Collection(PortalCollection.Name)]
public class DatabaseRestartTests(TestDatabase database, ITestOutputHelper output)
{
    private const int Readers = 8;

    [Fact]
    public async Task A_database_restart_under_load_gives_readers_nothing_but_200()
    {
        // Otherwise: every PostgreSQL restart (an upgrade, a failover) shows readers a burst of server errors.
        await using var cluster = await OwnCluster.StartAsync("restart-load");
        await using var app = await cluster.PortalAsync(database, await File.ReadAllTextAsync(RepoRoot.Seed));
        var client = app.Client();
        var slugs = await SlugsAsync(client);

        var statuses = new ConcurrentDictionary<string, int>();
        var phase = "before";
        using var stop = new CancellationTokenSource();
        var load = Load(client, slugs, () => Volatile.Read(ref phase), statuses, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restart = Stopwatch.StartNew();
        Volatile.Write(ref phase, "during the restart");
        await cluster.StopAsync();
        await cluster.StartAgainAsync();
        restart.Stop();
        Volatile.Write(ref phase, "after");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await load;

        output.WriteLine($"restart took {restart.Elapsed.TotalSeconds:0.0} s; {Summary(statuses)}");
        Assert.True(statuses.GetValueOrDefault("200 during the restart") > 0, "no request was sent during the restart");
        Assert.All(statuses, s => Assert.True(s.Key.StartsWith("200 ", StringComparison.Ordinal), $"{s.Value}: {s.Key}"));
    }

    [Fact]
    public async Task While_the_database_is_down_cached_pages_are_served_the_rest_answer_503_and_all_recover_at_once()
    {
        // Otherwise: an outage of the database shows readers server errors even for pages the portal holds, and
        // the portal stays broken for a while after the database is back.
        await using var cluster = await OwnCluster.StartAsync("outage");
        await using var app = await cluster.PortalAsync(database, await File.ReadAllTextAsync(RepoRoot.Seed));
        var client = app.Client();
        var slugs = await SlugsAsync(client);
        string[] cached = ["/", $"/sections/{slugs[0]}", "/feed.atom", "/search?q=kubernetes"];
        foreach (var page in cached) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        var browser = app.Browser();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        await cluster.StopAsync();
        var down = Stopwatch.StartNew();
        var statuses = new ConcurrentDictionary<string, int>();
        var n = 0;
        // Readers of the cached pages keep coming, two at a time, while the uncached ones are tried in rounds.
        var cachedReaders = Enumerable.Range(0, 2).Select(reader => Task.Run(async () =>
        {
            for (var i = reader; down.Elapsed < TimeSpan.FromSeconds(20); i++)
            {
                var page = cached[i % cached.Length];
                var status = (await client.GetAsync(page)).StatusCode;
                Count(statuses, $"{(int)status} cached");
                Assert.True(status == HttpStatusCode.OK, $"cached {page} answered {(int)status}, database down");
                await Task.Delay(5); // a steady load, not a benchmark: the machine's cores are shared
            }
        })).ToList();
        while (down.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.WhenAll(Uncached(slugs, n++).Select(async page =>
            {
                var response = await client.GetAsync(page);
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Count(statuses, $"{(int)response.StatusCode} uncached");
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter > TimeSpan.Zero,
                    $"{page} answered {(int)response.StatusCode} (Retry-After {retryAfter}) with the database down");
            }));
        }
        await Task.WhenAll(cachedReaders);
        var unavailable = await client.GetAsync($"/search?q=overlay&n={n}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Contains("Back in a moment", await unavailable.Content.ReadAsStringAsync());
        var problem = await client.GetAsync($"/api/entries/1?n={n++}");
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        var signIn = await browser.PostFormAsync("/account/login", "/account/login", new()
        {
            ["_handler"] = "login", ["Input.Email"] = "ed@example.org", ["Input.Password"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Contains("Back in a moment", await signIn.Content.ReadAsStringAsync());

        await cluster.StartAgainAsync();
        var back = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => AllOkAsync(client, [.. cached, .. Uncached(slugs, n++)]),
            "pages still failed after the database came back", TimeSpan.FromSeconds(5));
        output.WriteLine($"everything answered 200 again {back.Elapsed.TotalSeconds:0.0} s after the database " +
            $"came back; while it was down: {Summary(statuses)}");
    }

    /// <summary>Pages no cache holds: each address is new, so each reaches the database.</summary>
    private static string[] Uncached(IReadOnlyList<string> slugs, int n) =>
    [
        $"/search?q=overlay&n={n}", $"/api/entries/1?n={n}", $"/sections/{slugs[^1]}?n={n}",
        $"/api/search?q=docker&n={n}",
    ];

    private static async Task<bool> AllOkAsync(HttpClient client, IEnumerable<string> pages)
    {
        foreach (var page in pages)
            if ((await client.GetAsync(page)).StatusCode != HttpStatusCode.OK) return false;
        return true;
    }

    /// <summary>Readers asking for one page after another until stopped: searches and page views, most new.</summary>
    private static Task Load(
        HttpClient client, IReadOnlyList<string> slugs, Func<string> phase, ConcurrentDictionary<string, int> statuses,
        CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var page = (i % 4) switch
                {
                    0 => $"/search?q=kubernetes+networking&r={reader}&n={i}",
                    1 => $"/sections/{slugs[i % slugs.Count]}",
                    2 => $"/api/entries/{1 + i % 50}?r={reader}&n={i}",
                    _ => $"/sections/{slugs[i % slugs.Count]}?r={reader}&n={i}",
                };
                var asked = phase();
                using var response = await client.GetAsync(page, CancellationToken.None);
                var status = (int)response.StatusCode;
                Count(statuses, status == 200 ? $"200 {asked}" : $"{status} {page} {asked}");
            }
        })));

    private static void Count(ConcurrentDictionary<string, int> statuses, string key) =>
        statuses.AddOrUpdate(key, 1, (_, c) => c + 1);

    private static string Summary(ConcurrentDictionary<string, int> statuses) =>
        $"{statuses.Values.Sum()} requests: " +
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"));

    private static async Task<List<string>> SlugsAsync(HttpClient client)
    {
        using var sections = JsonDocument.Parse(await client.GetStringAsync("/api/sections"));
        return [.. sections.RootElement.EnumerateArray().Select(s => s.GetProperty("slug").GetString()!)];
    }
}
