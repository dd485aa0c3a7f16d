using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>When a run speaks about the links and when only about the checker's own network.</summary>
public class RunVerdictTests
{
    private static readonly OutageSettings Defaults = new();

    private static IEnumerable<(string, LinkOutcome)> Hosts(int count, Func<int, LinkOutcome> outcome, int linksEach = 3) =>
        Enumerable.Range(0, count).SelectMany(h => Enumerable.Range(0, linksEach).Select(_ => ($"host{h}.test:443", outcome(h))));

    [Fact]
    public void One_host_of_twenty_down_is_conclusive()
    {
        // Otherwise: a dead domain, the commonest rot, would never become broken.
        var verdict = RunVerdict.Decide(Hosts(20, h => h == 7 ? LinkOutcome.DnsFailure : LinkOutcome.Ok), [], Defaults);
        Assert.True(verdict.IsConclusive);
        Assert.Equal(1, verdict.Hosts.Unreachable);
        Assert.Equal(20, verdict.Hosts.Hosts);
    }

    [Fact]
    public void Every_lookup_failing_is_inconclusive_with_a_reason_a_person_can_read()
    {
        // Otherwise: a night without DNS marks the whole list broken and the team stops trusting the report.
        var verdict = RunVerdict.Decide(Hosts(20, _ => LinkOutcome.DnsFailure), [], Defaults);
        Assert.False(verdict.IsConclusive);
        Assert.Contains("could not reach the network", verdict.Reason);
        Assert.Contains("20 of 20 hosts", verdict.Reason);
        Assert.Contains("name not resolved", verdict.Reason);
    }

    [Theory]
    [InlineData(10, 5, true)]  // exactly half: not more than the share
    [InlineData(10, 6, false)]
    [InlineData(5, 3, false)]
    public void More_than_the_share_of_hosts_unreachable_is_inconclusive(int hosts, int down, bool conclusive)
    {
        // Otherwise: the threshold in LinkHealth:OutageHostShare would not mean what the README says.
        var verdict = RunVerdict.Decide(Hosts(hosts, h => h < down ? LinkOutcome.ConnectFailed : LinkOutcome.Broken), [], Defaults);
        Assert.Equal(conclusive, verdict.IsConclusive);
    }

    [Fact]
    public void A_host_that_answered_some_links_is_reachable()
    {
        // Otherwise: a site with one slow page among many counts as an outage of its own.
        var results = new[] { ("a.test:443", LinkOutcome.Timeout), ("a.test:443", LinkOutcome.Broken) };
        var verdict = RunVerdict.Decide(results, [], Defaults);
        Assert.True(verdict.IsConclusive);
        Assert.Equal(0, verdict.Hosts.Unreachable);
    }

    [Fact]
    public void A_small_run_whose_every_host_fails_is_inconclusive_unless_a_canary_answers()
    {
        // Otherwise: "check this entry again" on a night without network marks a good link as failing.
        var one = new[] { ("dead.test:443", LinkOutcome.DnsFailure) };
        Assert.False(RunVerdict.Decide(one, [], Defaults).IsConclusive);
        Assert.Contains("LinkHealth:Canaries", RunVerdict.Decide(one, [], Defaults).Reason);
        Assert.True(RunVerdict.Decide(one, [LinkOutcome.Ok], Defaults).IsConclusive);
        Assert.True(RunVerdict.Decide(one, [LinkOutcome.Broken], Defaults).IsConclusive); // an answer, even a 404, is the network working
        Assert.False(RunVerdict.Decide(one, [LinkOutcome.Timeout], Defaults).IsConclusive);
    }

    [Fact]
    public void Canaries_that_all_fail_make_any_run_inconclusive()
    {
        // Otherwise: an operator's canaries could not hold back a night where the proxy let only some hosts through.
        var verdict = RunVerdict.Decide(Hosts(20, _ => LinkOutcome.Ok), [LinkOutcome.DnsFailure, LinkOutcome.ConnectFailed], Defaults);
        Assert.False(verdict.IsConclusive);
        Assert.Contains("none of the 2 canary URLs answered", verdict.Reason);
        Assert.True(RunVerdict.Decide(Hosts(20, _ => LinkOutcome.Ok), [LinkOutcome.DnsFailure, LinkOutcome.Ok], Defaults).IsConclusive);
        // A canary the address guard refused was never dialled: a setting to fix, not a night without network.
        Assert.True(RunVerdict.Decide(Hosts(20, _ => LinkOutcome.Ok), [LinkOutcome.Refused], Defaults).IsConclusive);
    }

    [Fact]
    public void Links_decided_without_a_request_say_nothing_about_the_network()
    {
        // Otherwise: a list of mailto: links, or one excluded host, would look like an outage.
        var results = Hosts(6, _ => LinkOutcome.Ok).Concat(Hosts(10, _ => LinkOutcome.Skipped).Select(r => ("x" + r.Item1, r.Item2)));
        var verdict = RunVerdict.Decide(results, [], Defaults);
        Assert.True(verdict.IsConclusive);
        Assert.Equal(6, verdict.Hosts.Hosts);
        Assert.True(RunVerdict.Decide([("a.test:443", LinkOutcome.Skipped)], [], Defaults).IsConclusive);
    }

    [Fact]
    public void A_runs_numbers_are_counted_from_its_results_and_the_states_after_it()
    {
        // Otherwise: the cards, the table and the downloads could each count a different thing.
        var results = new[] { LinkOutcome.Ok, LinkOutcome.Redirected, LinkOutcome.Broken, LinkOutcome.DnsFailure, LinkOutcome.Blocked,
            LinkOutcome.Skipped, LinkOutcome.ServerError }
            .Select((o, i) => new CheckResult { NormalizedUrl = $"u{i}", Url = $"https://h{i}.test/", Outcome = o, HostSkipped = i == 3 })
            .ToList();
        var today = new DateOnly(2026, 11, 30);
        LinkState State(string url, LinkOutcome outcome, int failures, DateOnly? accepted = null) => new()
        {
            NormalizedUrl = url, Url = url, Host = "h", Outcome = outcome, ConsecutiveFailures = failures, AcceptedUntil = accepted,
        };
        var states = new[]
        {
            State("u2", LinkOutcome.Broken, 2), State("u3", LinkOutcome.DnsFailure, 1), State("u6", LinkOutcome.ServerError, 3, today),
            State("u0", LinkOutcome.Ok, 0),
        };

        var counts = RunTally.Count(results, states, new HostFacts(7, 1, ""), failuresBeforeBroken: 2, today);

        Assert.Equal((1, 1, 3, 1, 1, 1, 0), (counts.Ok, counts.Redirected, counts.Failed, counts.NetworkFailures, counts.Blocked,
            counts.Skipped, counts.Other));
        Assert.Equal(1, counts.Broken);   // u2; u6 is accepted until today
        Assert.Equal(1, counts.Watching); // u3
        Assert.Equal((7, 1, 1), (counts.Hosts, counts.UnreachableHosts, counts.HostSkipped));
    }
}
