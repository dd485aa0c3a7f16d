using System.Net;
using System.Net.Sockets;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>Failures with no answer from the server are told apart from pages that are gone, and cost little.</summary>
public class NetworkFailureTests
{
    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_dns_failure_asked_once()
    {
        // Otherwise: a night without DNS is reported as 120 pages gone, and every lookup is retried four times.
        var (checker, server) = LinkCheckerTests.Create();
        await using var _ = server;

        var result = await checker.CheckAsync($"http://no-such-host.test:{server.Port}/page");

        Assert.Equal(LinkOutcome.DnsFailure, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.True(result.Outcome.IsNetworkLevel());
    }

    [Fact]
    public async Task A_refused_connection_is_a_connect_failure_tried_twice()
    {
        // Otherwise: a server that is down is reported as a page that is gone, or costs four slow attempts per link.
        using var closedPort = new ClosedPort();
        var closed = closedPort.Port;
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver([])).CreateHandler(TimeSpan.FromSeconds(5)));
        var options = new LinkCheckOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        var checker = new LinkChecker(http, new UrlPolicy(addresses, new HashSet<int> { closed }), options, TimeProvider.System);

        var result = await checker.CheckAsync($"http://127.0.0.1:{closed}/page");

        Assert.Equal(LinkOutcome.ConnectFailed, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_host_that_failed_twice_at_the_network_level_is_not_dialled_again_in_the_run()
    {
        // Otherwise: a dead host with fifty links costs fifty timeouts, and the report lists fifty rows.
        var resolver = new MapResolver([]);
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var http = new HttpClient(new GuardedConnector(addresses, resolver).CreateHandler(TimeSpan.FromSeconds(5)));
        var checker = new LinkChecker(http, new UrlPolicy(addresses, null), new LinkCheckOptions(), TimeProvider.System);
        var run = new PoliteChecker(checker, new PolitenessOptions { PerHost = 1, MinDelayPerHost = TimeSpan.Zero }, TimeProvider.System);

        var results = new List<LinkCheckResult>();
        var urls = Enumerable.Range(1, 10).Select(i => $"https://gone.test/page{i}");
        await foreach (var result in run.CheckAsync(urls, unreachable: new UnreachableHosts(2))) results.Add(result);

        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.Equal(LinkOutcome.DnsFailure, r.Outcome));
        // One request at a time to the host here; with more in flight, those already dialling finish first.
        Assert.Equal(2, resolver.Asked.Count);
        Assert.Equal(8, results.Count(r => r.HostSkipped));
        Assert.All(results.Where(r => r.HostSkipped), r => Assert.Contains("not dialled", r.Error));
    }

    [Fact]
    public void A_host_that_answers_again_breaks_its_streak()
    {
        // Otherwise: one flaky moment early in the night condemns every later link of a working host.
        var hosts = new UnreachableHosts(2);
        hosts.Record(Result("https://flaky.test/a", LinkOutcome.ConnectFailed));
        hosts.Record(Result("https://flaky.test/b", LinkOutcome.Ok));
        hosts.Record(Result("https://flaky.test/c", LinkOutcome.Timeout));

        Assert.Null(hosts.Instead("https://flaky.test/d"));
        hosts.Record(Result("https://flaky.test/e", LinkOutcome.Timeout));
        Assert.Equal(LinkOutcome.Timeout, hosts.Instead("https://flaky.test/d")?.Outcome);
        // Another port is another server.
        Assert.Null(hosts.Instead("https://flaky.test:8443/d"));
    }

    [Fact]
    public void Without_a_tracker_threshold_nothing_is_skipped()
    {
        // Otherwise: LinkHealth:HostFailuresBeforeSkip = 0 could not switch the skipping off.
        var hosts = new UnreachableHosts(0);
        for (var i = 0; i < 5; i++) hosts.Record(Result($"https://down.test/{i}", LinkOutcome.DnsFailure));
        Assert.Null(hosts.Instead("https://down.test/next"));
    }

    internal static LinkCheckResult Result(string url, LinkOutcome outcome) =>
        new(url, outcome, null, null, [], false, null, 0, outcome.ToString(), 1);
}
