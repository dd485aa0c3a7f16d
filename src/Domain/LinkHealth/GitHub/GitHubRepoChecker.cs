using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace ContainerNetLib.Domain.LinkHealth.GitHub;

/// <summary>
/// Checks links into github.com repositories through the GitHub REST API, which can say what the web
/// page cannot: that a repository is archived, or that it was renamed or transferred. Answers null
/// whenever the API cannot say (not a repository link, the rate limit reached, the API failing, a
/// working repository linked deeper than its own page), and the link is then checked as an ordinary page.
/// Calls go one at a time (GitHub asks integrations not to call concurrently) through the checker's
/// guarded client, and none is made between an exhausted rate limit and its reset. Without a token it
/// makes no call at all and only sets the pace of ordinary requests to github.com.
/// </summary>
public sealed class GitHubRepoChecker(
    HttpClient http, UrlPolicy urls, GitHubOptions options, LinkCheckOptions checks, TimeProvider time)
{
    private readonly GuardedFetch _fetch = new(http, urls, checks);
    private const int MaxAnswerBytes = 1024 * 1024;
    // A reset header further out than GitHub's hourly window is a broken header, not a reason to stop for good.
    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(1);
    private static readonly TimeSpan UnreachablePause = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _oneAtATime = new(1);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>
    /// How ordinary requests to github.com queue: www.github.com and github.com in one line, at most
    /// <see cref="GitHubOptions.PerMinute"/> a minute (or the general per-host gap, if that is longer);
    /// null for other hosts.
    /// </summary>
    public (string Key, TimeSpan MinDelay)? Gate(Uri? uri, PolitenessOptions politeness) =>
        uri is not null && GitHubRepoLink.IsGitHubHost(uri.IdnHost)
            ? ("github.com", options.Pace() > politeness.MinDelayPerHost ? options.Pace() : politeness.MinDelayPerHost)
            : null;

    public async Task<LinkCheckResult?> CheckAsync(string url, CancellationToken ct)
    {
        if (!options.HasToken || GitHubRepoLink.Parse(url) is not { } link) return null;
        await _oneAtATime.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() < _pausedUntil) return null;
            var started = time.GetTimestamp();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(checks.Deadline);
            try
            {
                return await AskAsync(url, link, deadline.Token) is { } result
                    ? result with { ElapsedMs = (long)time.GetElapsedTime(started).TotalMilliseconds }
                    : null;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or IOException ||
                                      e is OperationCanceledException && !ct.IsCancellationRequested)
            {
                // The API failing says nothing about the link: the page itself is checked instead. An API
                // that cannot be reached is left alone for a while, or every GitHub link would wait for it in turn.
                if (e is not (JsonException or IOException)) _pausedUntil = time.GetUtcNow() + UnreachablePause;
                return null;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<LinkCheckResult?> AskAsync(string url, GitHubRepoLink link, CancellationToken ct)
    {
        var api = new Uri($"{options.ApiBaseUrl.TrimEnd('/')}/repos/{link.Owner}/{link.Repo}");
        using var response = await SendAsync(api, ct);
        switch ((int?)response?.StatusCode)
        {
            case 200:
                var repo = await ReadRepositoryAsync(response!, ct);
                if (repo.Archived) return Answer(url, LinkOutcome.Archived, 200, url, repo);
                return link.IsRepositoryPage ? Answer(url, LinkOutcome.Ok, 200, url, repo) : null;
            case >= 300 and < 400 when GuardedFetch.NextHop(api, response!) is { } next:
                // Renamed or transferred: the API points at the repository by id, which answers with its new name.
                // The token goes to the API's own host and nowhere else.
                if (next.GetLeftPart(UriPartial.Authority) != api.GetLeftPart(UriPartial.Authority)) return null;
                using (var moved = await SendAsync(next, ct))
                {
                    if (moved?.StatusCode != System.Net.HttpStatusCode.OK) return null;
                    var renamed = await ReadRepositoryAsync(moved, ct);
                    var newUrl = link.MovedTo(renamed.FullName);
                    // Only ever propose another github.com repository, whatever the answer said.
                    if (GitHubRepoLink.Parse(newUrl) is not { } target ||
                        $"{target.Owner}/{target.Repo}" != renamed.FullName) return null;
                    return Answer(url, LinkOutcome.Redirected, 301, newUrl, renamed) with { Redirects = [newUrl] };
                }
            case 401:
                // A token that was revoked or expired stays so for the night: no call spent on each link.
                _pausedUntil = time.GetUtcNow() + LongestPause;
                return null;
            case 404:
                return new(url, LinkOutcome.Broken, 404, url, [], false, null, 0,
                    $"GitHub has no repository {link.Owner}/{link.Repo} (deleted, made private, or never there)", 1);
            default:
                return null;
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri uri, CancellationToken ct)
    {
        // The same rules as any link: a base URL on the inside must be allowed like any other inside address. Not
        // followed: a redirect is read here, and the token goes nowhere but the API's own host.
        var answer = await _fetch.GetAsync(uri, ct, "application/vnd.github+json", request =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token!.Trim());
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        }, follow: false);
        if (answer.Failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        if (answer.Response is not { } response) return null;
        ObeyRateLimit(response);
        return response;
    }

    /// <summary>Remaining 0: no call until the reset; a secondary limit (403/429, Retry-After): until then.</summary>
    private void ObeyRateLimit(HttpResponseMessage response)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? until = null;
        if (Number(response, "X-RateLimit-Remaining") == 0)
            until = Number(response, "X-RateLimit-Reset") is { } reset
                ? DateTimeOffset.FromUnixTimeSeconds(reset)
                : now + TimeSpan.FromMinutes(1);
        else if ((int)response.StatusCode is 403 or 429 && GuardedFetch.RetryAfter(response, now) is { } wait)
            until = now + wait;
        if (until is { } pause) _pausedUntil = pause > now + LongestPause ? now + LongestPause : pause;
    }

    private static long? Number(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) &&
        long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static async Task<Repository> ReadRepositoryAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var tooLarge = new IOException("the API's answer is too large");
        if (response.Content.Headers.ContentLength > MaxAnswerBytes) throw tooLarge;
        var bytes = await GuardedFetch.ReadUpToAsync(response.Content, MaxAnswerBytes + 1, ct);
        if (bytes.Length > MaxAnswerBytes) throw tooLarge;
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("the API's answer is not an object");
        return new Repository(
            Text(root, "full_name") ?? throw new JsonException("the API's answer has no full_name"),
            root.TryGetProperty("archived", out var archived) && archived.ValueKind == JsonValueKind.True,
            Text(root, "pushed_at"),
            Text(root, "description"));
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// The last push goes where a page's published date goes (<see cref="PageMetadata.PublishedTime"/>): for
    /// a repository it is the date its content last changed, and the report shows it beside an archived one.
    /// No title: the API's "owner/name" is not what the page calls itself, and would read as a title that differs.
    /// </summary>
    private static LinkCheckResult Answer(
        string url, LinkOutcome outcome, int status, string finalUrl, Repository repo) =>
        new(url, outcome, status, finalUrl, [], false, null, 0, null, 1,
            new PageMetadata(null, null, repo.Description, repo.Archived ? repo.PushedAt : null, null, null));

    private sealed record Repository(string FullName, bool Archived, string? PushedAt, string? Description);
}
