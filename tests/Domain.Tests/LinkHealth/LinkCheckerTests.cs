using System.Net;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>One fixture behaviour per test, all on 127.0.0.1; refused targets are never dialled.</summary>
public class LinkCheckerTests
{
    private static readonly string Html = "<html><head><title>T</title></head><body>ok</body></html>";

    private static object? Handle(string path, int n) => path switch
    {
        "/ok" => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", Html),
        "/404" => Response(404, "Not Found"),
        "/410" => Response(410, "Gone"),
        "/301a" => Response(301, "Moved", "Location: /301b\r\n"),
        "/301b" => Response(301, "Moved", "Location: http://127.0.0.1:{port}/ok\r\n"),
        "/302" => Response(302, "Found", "Location: /ok\r\n"),
        "/308" => Response(308, "Permanent Redirect", "Location: /ok\r\n"),
        "/loop1" => Response(301, "Moved", "Location: /loop2\r\n"),
        "/loop2" => Response(301, "Moved", "Location: /loop1\r\n"),
        var p when p.StartsWith("/hop", StringComparison.Ordinal) => Response(302, "Found", $"Location: /hop{int.Parse(p[4..]) + 1}\r\n"),
        "/to-file" => Response(302, "Found", "Location: file:///etc/passwd\r\n"),
        "/to-metadata" => Response(302, "Found", "Location: http://169.254.169.254/latest/meta-data/\r\n"),
        "/to-loopback-spelling" => Response(302, "Found", "Location: http://2130706434/\r\n"),
        "/500-then-200" => n == 1 ? Response(500, "Internal Server Error") : Response(200, "OK", "Content-Type: text/html\r\n", Html),
        "/503-retry-after" => Response(503, "Service Unavailable", "Retry-After: 100000\r\n"),
        "/429" => Response(429, "Too Many Requests", "Retry-After: 1\r\n"),
        "/challenge" => Response(403, "Forbidden", "cf-mitigated: challenge\r\n"),
        "/pdf" => Response(200, "OK", "Content-Type: application/pdf\r\n", "%PDF-1.4"),
        "/hang" => null,
        _ => Response(404, "Not Found"),
    };

    internal static (LinkChecker Checker, FixtureServer Server) Create(
        Dictionary<string, IPAddress[]>? names = null, TimeSpan? deadline = null, Func<string, int, object?>? handler = null)
    {
        var server = new FixtureServer(handler ?? Handle);
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var options = new LinkCheckOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryAfterCap = TimeSpan.FromMilliseconds(20),
            Deadline = deadline ?? TimeSpan.FromSeconds(10),
        };
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver(names ?? [])).CreateHandler(options.ConnectTimeout));
        var urls = new UrlPolicy(addresses, new HashSet<int> { server.Port });
        return (new LinkChecker(http, urls, options, TimeProvider.System), server);
    }

    [Theory]
    [InlineData("/ok", LinkOutcome.Ok, 200, 1)]
    [InlineData("/404", LinkOutcome.Broken, 404, 1)]
    [InlineData("/410", LinkOutcome.Broken, 410, 1)]
    [InlineData("/challenge", LinkOutcome.Blocked, 403, 1)]
    [InlineData("/429", LinkOutcome.Blocked, 429, 4)]
    [InlineData("/503-retry-after", LinkOutcome.ServerError, 503, 4)]
    [InlineData("/500-then-200", LinkOutcome.Ok, 200, 2)]
    [InlineData("/pdf", LinkOutcome.Ok, 200, 1)]
    public async Task Statuses_are_classified_and_only_transient_ones_retried(string path, LinkOutcome outcome, int status, int attempts)
    {
        // Otherwise: a bot wall floods the morning report as "broken", or one bad night marks a live link dead.
        var (checker, server) = Create();
        await using var _ = server;
        var result = await checker.CheckAsync(server.Url(path));
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(status, result.Status);
        Assert.Equal(attempts, result.Attempts);
        Assert.Equal(attempts, server.Hits(path));
    }

    [Fact]
    public async Task A_huge_retry_after_is_capped()
    {
        var (checker, server) = Create();
        await using var _ = server;
        var result = await checker.CheckAsync(server.Url("/503-retry-after"));
        Assert.True(result.ElapsedMs < 5_000, $"took {result.ElapsedMs} ms: Retry-After: 100000 was not capped");
    }

    [Fact]
    public async Task A_permanent_redirect_chain_proposes_the_final_url()
    {
        var (checker, server) = Create();
        await using var _ = server;
        var result = await checker.CheckAsync(server.Url("/301a"));
        Assert.Equal(LinkOutcome.Redirected, result.Outcome);
        Assert.Equal(server.Url("/ok"), result.FinalUrl);
        Assert.Equal([server.Url("/301b"), server.Url("/ok")], result.Redirects);
        Assert.Equal(LinkOutcome.Redirected, (await checker.CheckAsync(server.Url("/308"))).Outcome);
        Assert.Equal(LinkOutcome.Ok, (await checker.CheckAsync(server.Url("/302"))).Outcome);
    }

    [Fact]
    public async Task Loops_and_long_chains_stop()
    {
        var (checker, server) = Create();
        await using var _ = server;
        var loop = await checker.CheckAsync(server.Url("/loop1"));
        Assert.Equal(LinkOutcome.Broken, loop.Outcome);
        Assert.Contains("loop", loop.Error);
        var chain = await checker.CheckAsync(server.Url("/hop1"));
        Assert.Equal(LinkOutcome.Broken, chain.Outcome);
        Assert.Contains("more than 5 redirects", chain.Error);
        Assert.Equal(0, server.Hits("/hop7"));
    }

    [Theory]
    [InlineData("/to-file")]
    [InlineData("/to-metadata")]
    [InlineData("/to-loopback-spelling")]
    public async Task Redirects_to_forbidden_places_are_refused_before_connecting(string path)
    {
        var (checker, server) = Create();
        await using var _ = server;
        var result = await checker.CheckAsync(server.Url(path));
        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Equal(1, server.Hits(path));
    }

    [Fact]
    public async Task A_name_resolving_to_the_metadata_address_is_refused()
    {
        var (checker, server) = Create(new() { ["metadata.test"] = [IPAddress.Parse("169.254.169.254")] });
        await using var _ = server;
        var result = await checker.CheckAsync($"http://metadata.test:{server.Port}/");
        Assert.Equal(LinkOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Headers_that_never_come_end_in_a_timeout_at_the_deadline()
    {
        var (checker, server) = Create(deadline: TimeSpan.FromSeconds(1));
        await using var _ = server;
        var result = await checker.CheckAsync(server.Url("/hang"));
        Assert.Equal(LinkOutcome.Timeout, result.Outcome);
        Assert.InRange(result.ElapsedMs, 900, 5_000);
    }

    [Theory]
    [InlineData("mailto:someone@example.org", LinkOutcome.Skipped)]
    [InlineData("ftp://example.org/file", LinkOutcome.Skipped)]
    [InlineData("not a url", LinkOutcome.InvalidUrl)]
    [InlineData("http://user@127.0.0.1/", LinkOutcome.Refused)]
    public async Task Urls_that_are_not_fetched(string url, LinkOutcome outcome)
    {
        var (checker, server) = Create();
        await using var _ = server;
        Assert.Equal(outcome, (await checker.CheckAsync(url)).Outcome);
    }
}
