using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class RunPlanningTests
{
    private static PlannedUrl Url(string host, int i) => new($"https://{host}/p{i}", $"https://{host}/p{i}", host);

    [Fact]
    public void Chunks_stay_within_the_size_and_keep_a_host_together_where_it_fits()
    {
        // Otherwise: one job outlives Hangfire's invisibility timeout and runs twice, or two machines hammer one host.
        var urls = Enumerable.Range(0, 250).Select(i => Url("big.example", i))
            .Concat(Enumerable.Range(0, 40).SelectMany(h => Enumerable.Range(0, 5).Select(i => Url($"h{h}.example", i))))
            .ToList();

        var chunks = ChunkPlanner.Plan(urls, chunkSize: 100);

        Assert.Equal(urls.Count, chunks.Length);
        Assert.All(chunks.GroupBy(c => c), g => Assert.InRange(g.Count(), 1, 100));
        Assert.Equal(Enumerable.Range(0, chunks.Max() + 1), chunks.Distinct().Order());
        foreach (var host in urls.Select((u, i) => (u.Host, Chunk: chunks[i])).Where(x => x.Host != "big.example").GroupBy(x => x.Host))
            Assert.Single(host.Select(x => x.Chunk).Distinct());
        // 250 URLs of one host fill chunks of their own: 3 of them, shared with nobody else.
        var bigChunks = urls.Select((u, i) => (u.Host, Chunk: chunks[i])).Where(x => x.Host == "big.example").Select(x => x.Chunk).Distinct().ToList();
        Assert.Equal(3, bigChunks.Count);
        Assert.DoesNotContain(urls.Select((u, i) => (u.Host, Chunk: chunks[i])), x => x.Host != "big.example" && bigChunks[..2].Contains(x.Chunk));
    }

    [Fact]
    public void No_urls_means_no_chunks()
    {
        Assert.Empty(ChunkPlanner.Plan([], 300));
    }

    private static CheckResult Result(long run, LinkOutcome outcome, string? title = null) => new()
    {
        RunId = run, NormalizedUrl = "https://a.example/", Url = "https://a.example/", Outcome = outcome,
        CheckedAt = DateTimeOffset.UnixEpoch.AddDays(run), FetchedTitle = title, Status = outcome == LinkOutcome.Broken ? 404 : 200,
    };

    [Fact]
    public void A_link_is_broken_only_after_the_configured_number_of_failed_runs_in_a_row()
    {
        // Otherwise: one bad night (a site's maintenance window) floods the morning report.
        var state = new LinkState { NormalizedUrl = "https://a.example/", Url = "https://a.example/", Host = "a.example" };

        Assert.False(LinkStateTransition.Apply(state, Result(1, LinkOutcome.Ok, "A page"), failuresBeforeBroken: 2));
        Assert.False(LinkStateTransition.Apply(state, Result(2, LinkOutcome.Broken), 2));
        Assert.False(LinkStateTransition.IsBroken(state, 2));
        Assert.Equal(1, state.ConsecutiveFailures);

        Assert.True(LinkStateTransition.Apply(state, Result(3, LinkOutcome.Timeout), 2)); // newly broken in run 3
        Assert.Equal(3, state.BrokenSinceRunId);
        Assert.False(LinkStateTransition.Apply(state, Result(4, LinkOutcome.Broken), 2)); // still broken, not new
        Assert.Equal(3, state.BrokenSinceRunId);
        Assert.Equal("A page", state.FetchedTitle); // a failure says nothing about the title

        Assert.False(LinkStateTransition.Apply(state, Result(5, LinkOutcome.Ok, "A page, renamed"), 2));
        Assert.False(LinkStateTransition.IsBroken(state, 2));
        Assert.Null(state.BrokenSinceRunId);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal("A page, renamed", state.FetchedTitle);
    }

    [Theory]
    [InlineData(LinkOutcome.Blocked)]
    [InlineData(LinkOutcome.Refused)]
    [InlineData(LinkOutcome.Skipped)]
    [InlineData(LinkOutcome.Redirected)]
    public void Blocked_refused_skipped_and_moved_links_never_count_as_broken(LinkOutcome outcome)
    {
        var state = new LinkState { NormalizedUrl = "u", Url = "u", Host = "h" };
        for (var run = 1; run <= 5; run++) Assert.False(LinkStateTransition.Apply(state, Result(run, outcome), 2));
        Assert.Equal(0, state.ConsecutiveFailures);
    }

    [Theory]
    [InlineData("list", "list")]
    [InlineData("section:docker-networking", "section:docker-networking")]
    [InlineData("entry:42", "entry:42")]
    public void Scopes_parse_and_print_the_same(string text, string expected)
    {
        Assert.Equal(expected, CheckScope.TryParse(text)!.ToString());
    }

    [Theory]
    [InlineData("list", "the whole list")]
    [InlineData("section:docker-networking", "section docker-networking")]
    [InlineData("entry:42", "entry 42")]
    public void Scopes_read_as_words(string text, string description)
    {
        // Otherwise: editors read "entry:42" in the report and have to work out which entry that is.
        Assert.Equal(description, CheckScope.TryParse(text)!.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("section:")]
    [InlineData("entry:x")]
    [InlineData("everything")]
    public void Unknown_scopes_are_refused(string text)
    {
        // Otherwise: a tampered form field starts a run over something that does not exist.
        Assert.Null(CheckScope.TryParse(text));
    }
}
