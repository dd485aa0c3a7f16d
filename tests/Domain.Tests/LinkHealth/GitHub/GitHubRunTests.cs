using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth.GitHub;

/// <summary>
/// github.com links in a whole run: github.com and www.github.com are mapped to a page server on 127.0.0.1,
/// the API is a fake on another port, so nothing leaves the machine.
/// </summary>
public sealed class GitHubRunTests : IAsyncDisposable
{
    private readonly FakeGitHubApi _github = new();
    private readonly FixtureServer _api;
    private readonly FixtureServer _pages;
    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public GitHubRunTests()
    {
        _api = new FixtureServer(_github.Answer);
        _pages = new FixtureServer((_, _) =>
        {
            _arrivals.Enqueue(_clock.ElapsedMilliseconds);
            return Response(200, "OK", "Content-Type: text/plain\r\n", "a repository page");
        });
    }

    private PoliteChecker Run(string? token, int perMinute, TimeProvider time)
    {
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var names = new MapResolver(new()
        {
            ["github.com"] = [IPAddress.Loopback], ["www.github.com"] = [IPAddress.Loopback],
        });
        var http = new HttpClient(new GuardedConnector(addresses, names).CreateHandler(TimeSpan.FromSeconds(5)));
        var urls = new UrlPolicy(addresses, new HashSet<int> { _api.Port, _pages.Port });
        var checks = new LinkCheckOptions();
        var options = new GitHubOptions { Token = token, ApiBaseUrl = _api.Url(""), PerMinute = perMinute };
        var gitHub = new GitHubRepoChecker(http, urls, options, checks, time);
        var politeness = new PolitenessOptions { PerHost = 2, MinDelayPerHost = TimeSpan.Zero, Overall = 32 };
        return new PoliteChecker(new LinkChecker(http, urls, checks, time), politeness, time, gitHub);
    }

    private string Page(string host, string path) => $"http://{host}:{_pages.Port}{path}";

    [Fact]
    public async Task Without_a_token_github_links_are_ordinary_pages_at_most_per_minute_apart()
    {
        // Otherwise: a list with hundreds of repositories earns the checker a wall of 429s from github.com every night.
        var run = Run(token: null, perMinute: 600, TimeProvider.System); // 600 a minute: 100 ms apart
        var urls = Enumerable.Range(1, 4).Select(i => Page("github.com", $"/octo/repo{i}"))
            .Append(Page("www.github.com", "/octo/repo5"));

        var started = _clock.ElapsedMilliseconds;
        var results = await run.CheckAsync(urls).ToListAsync();
        var elapsed = _clock.ElapsedMilliseconds - started;

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal(LinkOutcome.Ok, r.Outcome));
        Assert.Equal(0, _api.Connections);
        Assert.Equal(5, _pages.TotalHits);
        // Five requests to github.com (www. included) start at least 100 ms apart: not less than 400 ms in all,
        // although two may be in flight at once and the general per-host gap is zero.
        Assert.True(elapsed >= 390, $"five github.com requests took only {elapsed} ms");
        var times = _arrivals.Order().ToList();
        Assert.True(times[^1] - times[0] >= 300, $"github.com requests arrived within {times[^1] - times[0]} ms");
    }

    [Fact]
    public async Task Other_hosts_keep_their_own_pace()
    {
        // Otherwise: the slow GitHub budget drags every other host of the list down with it.
        var run = Run(token: null, perMinute: 1, TimeProvider.System); // one a minute: a second request would wait 60 s

        var started = _clock.ElapsedMilliseconds;
        var urls = Enumerable.Range(1, 5).Select(i => Page("127.0.0.1", $"/page{i}"));
        var results = await run.CheckAsync(urls).ToListAsync();

        Assert.Equal(5, results.Count(r => r.Outcome == LinkOutcome.Ok));
        Assert.True(_clock.ElapsedMilliseconds - started < 30_000);
    }

    [Fact]
    public async Task With_a_token_at_the_rate_limit_the_remaining_repositories_are_checked_as_pages()
    {
        // Otherwise: after the limit runs out the rest of the night's GitHub links get no result, or a wrong one.
        var time = new SettableTime();
        _github.ExhaustedUntil = time.Now.AddMinutes(10);
        var run = Run(token: "ghp_test", perMinute: 600, time);

        var urls = new[] { "live", "old", "gone" }.Select(r => Page("github.com", $"/octo/{r}"));
        var results = await run.CheckAsync(urls).ToListAsync();

        Assert.Equal(3, results.Count);
        Assert.Equal(1, _api.TotalHits); // the call that learnt of the limit
        Assert.Equal(2, _pages.TotalHits); // the other two, as pages
        Assert.Equal(2, results.Count(r => r.Status == 200 && r.Outcome == LinkOutcome.Ok && r.Page is null));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _pages.DisposeAsync();
    }
}
