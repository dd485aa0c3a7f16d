using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class PoliteCheckerTests
{
    [Fact]
    public async Task Each_distinct_url_is_checked_once_and_one_host_is_not_hammered()
    {
        // Otherwise: a list that names one site forty times sends it forty requests at once every night.
        var arrivals = new ConcurrentQueue<long>();
        var clock = Stopwatch.StartNew();
        await using var server = new FixtureServer((path, _) =>
        {
            if (path.StartsWith("/page", StringComparison.Ordinal)) arrivals.Enqueue(clock.ElapsedMilliseconds);
            return Response(200, "OK", "Content-Type: text/plain\r\n", "ok");
        });
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver([])).CreateHandler(TimeSpan.FromSeconds(5)));
        var checker = new LinkChecker(http, new UrlPolicy(addresses, new HashSet<int> { server.Port }), new LinkCheckOptions(), TimeProvider.System);
        var run = new PoliteChecker(checker, new PolitenessOptions { PerHost = 2, MinDelayPerHost = TimeSpan.FromMilliseconds(100), Overall = 32 }, TimeProvider.System);

        var urls = Enumerable.Range(1, 5).Select(i => server.Url($"/page{i}"))
            .Concat([server.Url("/page1"), server.Url("/page1#section"), server.Url("/page1?utm_source=chat")]);
        // One request first, outside the run: the first request's one-off costs (JIT, first connection)
        // would otherwise delay its arrival and shrink the span measured at the server.
        await checker.CheckAsync(server.Url("/warm-up"));
        var results = new List<LinkCheckResult>();
        var started = clock.ElapsedMilliseconds;
        await foreach (var result in run.CheckAsync(urls)) results.Add(result);
        var elapsed = clock.ElapsedMilliseconds - started;

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal(LinkOutcome.Ok, r.Outcome));
        Assert.Equal(1, server.Hits("/page1"));
        // Five requests to one host start at least 100 ms apart: the run cannot take less than 400 ms.
        // (Gaps between arrivals at the server also carry connection set-up, so the span is what is checked.)
        Assert.True(elapsed >= 390, $"five requests to one host took only {elapsed} ms");
        var times = arrivals.Order().ToList();
        Assert.True(times[^1] - times[0] >= 300, $"requests arrived within {times[^1] - times[0]} ms");
    }

    [Fact]
    public async Task A_url_waiting_to_try_again_lends_its_overall_slot_to_other_hosts()
    {
        // Otherwise: on a night when many hosts refuse, their back-off waits fill every slot and the healthy hosts queue.
        await using var server = new FixtureServer((_, _) => Response(200, "OK", "Content-Type: text/plain\r\n", "ok"));
        using var closedPort = new ClosedPort();
        var closed = closedPort.Port;
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver([])).CreateHandler(TimeSpan.FromSeconds(5)));
        var options = new LinkCheckOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(800) };
        var checker = new LinkChecker(http, new UrlPolicy(addresses, new HashSet<int> { server.Port, closed }), options, TimeProvider.System);
        var politely = new PoliteChecker(checker, new PolitenessOptions { PerHost = 1, MinDelayPerHost = TimeSpan.Zero, Overall = 1 },
            TimeProvider.System);

        var order = new List<string>();
        await foreach (var result in politely.CheckAsync([$"http://127.0.0.1:{closed}/down", server.Url("/up")]))
            order.Add(result.Outcome.ToString());

        // The refused URL dials first, then waits at least 800 ms to try again; the working one answers meanwhile.
        Assert.Equal(["Ok", "ConnectFailed"], order);
    }
}
