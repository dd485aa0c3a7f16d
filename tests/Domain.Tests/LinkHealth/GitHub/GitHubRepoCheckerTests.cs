using System.Net;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.LinkHealth.GitHub;

/// <summary>The checker against a fake GitHub API on 127.0.0.1, with a clock the test sets.</summary>
public sealed class GitHubRepoCheckerTests : IAsyncDisposable
{
    private const string Token = "ghp_test-token-123";
    private readonly FakeGitHubApi _github = new();
    private readonly FixtureServer _api;
    private readonly SettableTime _clock = new();

    public GitHubRepoCheckerTests() => _api = new FixtureServer(_github.Answer);

    private GitHubRepoChecker Checker(string? token = Token, TimeSpan? deadline = null)
    {
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var connector = new GuardedConnector(addresses, new MapResolver([]));
        var http = new HttpClient(connector.CreateHandler(TimeSpan.FromSeconds(5)));
        var options = new GitHubOptions { Token = token, ApiBaseUrl = _api.Url("") };
        var checks = new LinkCheckOptions { Deadline = deadline ?? TimeSpan.FromSeconds(10) };
        var urls = new UrlPolicy(addresses, new HashSet<int> { _api.Port });
        return new GitHubRepoChecker(http, urls, options, checks, _clock);
    }

    [Fact]
    public async Task An_archived_repository_is_reported_archived_with_its_last_push_and_is_no_failure()
    {
        // Otherwise: a frozen repository reads as healthy, or as broken, and nobody learns it is unmaintained.
        var result = await Checker().CheckAsync("https://github.com/octo/old", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(LinkOutcome.Archived, result.Outcome);
        Assert.Equal(FakeGitHubApi.LastPush, result.Page?.PublishedTime);
        Assert.False(LinkStateTransition.IsFailure(result.Outcome));
        var head = Assert.Single(_api.Heads);
        Assert.StartsWith("GET /repos/octo/old HTTP/1.1", head);
        Assert.Contains($"Authorization: Bearer {Token}", head);
        Assert.Contains("Accept: application/vnd.github+json", head);
        Assert.Contains("X-GitHub-Api-Version: 2022-11-28", head);
        Assert.Contains("User-Agent: ContainerNetLib-LinkChecker", head);
    }

    [Fact]
    public void An_archived_repository_never_becomes_broken_however_many_runs_say_so()
    {
        // Otherwise: archived repositories pile up under "Broken" after two nights and get red badges on reader pages.
        const string url = "https://github.com/octo/old";
        var state = new LinkState { NormalizedUrl = url, Url = url, Host = "github.com" };
        for (var run = 1; run <= 3; run++)
        {
            var newlyBroken = LinkStateTransition.Apply(state, new CheckResult
            {
                RunId = run, NormalizedUrl = state.NormalizedUrl, Url = state.Url, Outcome = LinkOutcome.Archived,
            }, failuresBeforeBroken: 2);
            Assert.False(newlyBroken);
        }
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.False(LinkStateTransition.IsBroken(state, 2));
    }

    [Fact]
    public async Task A_renamed_repository_is_a_permanent_move_to_its_new_name_keeping_the_path()
    {
        // Otherwise: a transferred repository looks fine (GitHub redirects) and the list keeps the old name for ever.
        var result = await Checker().CheckAsync("https://github.com/octo/before/tree/main/docs", default);

        Assert.NotNull(result);
        Assert.Equal(LinkOutcome.Redirected, result.Outcome);
        Assert.Equal("https://github.com/neworg/after/tree/main/docs", result.FinalUrl);
        Assert.Equal(1, _api.Hits("/repositories/42"));
        Assert.All(_api.Heads, head => Assert.Contains($"Authorization: Bearer {Token}", head));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_and_the_token_stays_home()
    {
        // Otherwise: an API answer (or a man in the middle) that points elsewhere is handed the token.
        var result = await Checker().CheckAsync("https://github.com/octo/escape", CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(1, _api.TotalHits);
    }

    [Fact]
    public async Task A_missing_repository_is_broken_like_any_dead_link()
    {
        // Otherwise: a deleted repository is never flagged, because github.com still answers something.
        var result = await Checker().CheckAsync("https://github.com/octo/gone", CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(LinkOutcome.Broken, result.Outcome);
        Assert.Equal(404, result.Status);
        Assert.Contains("octo/gone", result.Error);
        Assert.True(LinkStateTransition.IsFailure(result.Outcome));
    }

    [Theory]
    [InlineData("https://github.com/octo/down")] // the API failing
    [InlineData("https://github.com/octo/live/blob/main/gone.md")] // a working repository says nothing about one file
    public async Task When_the_api_cannot_speak_for_the_link_the_page_is_checked_instead(string url)
    {
        // Otherwise: a GitHub outage marks every repository broken, or a file deleted from a live one reads as fine.
        Assert.Null(await Checker().CheckAsync(url, CancellationToken.None));
        Assert.Equal(1, _api.TotalHits);
    }

    [Fact]
    public async Task An_api_that_does_not_answer_is_left_alone_for_a_while()
    {
        // Otherwise: every GitHub link of the night waits out the deadline in turn behind a hanging API.
        // Two seconds, not less: the answering call after the pause must fit in it on a loaded two-core machine.
        var checker = Checker(deadline: TimeSpan.FromSeconds(2));

        Assert.Null(await checker.CheckAsync("https://github.com/octo/hang", CancellationToken.None));
        Assert.Null(await checker.CheckAsync("https://github.com/octo/live", CancellationToken.None));
        Assert.Equal(1, _api.TotalHits);

        _clock.Now = _clock.Now.AddMinutes(6);
        Assert.Equal(LinkOutcome.Ok, (await checker.CheckAsync("https://github.com/octo/live", default))?.Outcome);
    }

    [Fact]
    public async Task A_token_that_no_longer_works_stops_the_calls_and_links_are_checked_as_pages()
    {
        // Otherwise: with a revoked token every GitHub link spends a refused call before it is checked anyway.
        var checker = Checker();

        Assert.Null(await checker.CheckAsync("https://github.com/octo/revoked", CancellationToken.None));
        Assert.Null(await checker.CheckAsync("https://github.com/octo/live", CancellationToken.None));
        Assert.Equal(1, _api.TotalHits);
    }

    [Fact]
    public async Task At_an_exhausted_rate_limit_no_call_is_made_until_the_reset()
    {
        // Otherwise: the checker keeps knocking after GitHub said stop, and the token is blocked for longer.
        var checker = Checker();
        _github.ExhaustedUntil = _clock.Now.AddMinutes(10);

        var last = await checker.CheckAsync("https://github.com/octo/live", CancellationToken.None);
        Assert.Equal(LinkOutcome.Ok, last?.Outcome); // the answer that used the last call still counts
        _github.ExhaustedUntil = null;
        _clock.Now = _clock.Now.AddMinutes(9);
        Assert.Null(await checker.CheckAsync("https://github.com/octo/old", CancellationToken.None));
        Assert.Null(await checker.CheckAsync("https://github.com/octo/gone", CancellationToken.None));
        Assert.Equal(1, _api.TotalHits);

        _clock.Now = _clock.Now.AddMinutes(2);
        var after = await checker.CheckAsync("https://github.com/octo/old", CancellationToken.None);
        Assert.Equal(LinkOutcome.Archived, after?.Outcome);
        Assert.Equal(2, _api.TotalHits);
    }

    [Fact]
    public async Task A_refusal_at_the_rate_limit_stops_calls_until_the_reset_too()
    {
        // Otherwise: every GitHub link of the night spends a request on a wall of 403s.
        var checker = Checker();
        _github.ExhaustedUntil = _clock.Now.AddMinutes(30);

        Assert.Null(await checker.CheckAsync("https://github.com/octo/walled", CancellationToken.None));
        Assert.Null(await checker.CheckAsync("https://github.com/octo/live", CancellationToken.None));
        Assert.Equal(1, _api.TotalHits);
    }

    [Fact]
    public async Task Without_a_token_the_api_is_never_called()
    {
        // Otherwise: anonymous API calls (60 an hour) run out at once and every night starts with a wall.
        var checker = Checker(token: null);

        foreach (var repo in new[] { "old", "before", "gone", "live" })
            Assert.Null(await checker.CheckAsync($"https://github.com/octo/{repo}", CancellationToken.None));
        Assert.Equal(0, _api.Connections);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
