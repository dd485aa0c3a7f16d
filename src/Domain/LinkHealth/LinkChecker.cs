using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using ContainerNetLib.Domain.Urls;
using Polly;
using Polly.Retry;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Checks one URL: one <see cref="GuardedFetch"/> along its redirect chain per attempt, transient failures tried
/// again by the <see cref="RetryPipeline"/> (exponential back-off with jitter, or Retry-After up to a cap), and the
/// result classified. The per-URL deadline is enforced by cancellation. Time comes from the injected
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class LinkChecker
{
    /// <summary>The retries' name in Polly's telemetry: what they protect.</summary>
    public const string RetryPipeline = "link-check-retries";

    private readonly GuardedFetch _fetch;
    private readonly LinkCheckOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<Attempt> _retries;

    public LinkChecker(HttpClient http, UrlPolicy urls, LinkCheckOptions options, TimeProvider time)
    {
        _fetch = new GuardedFetch(http, urls, options);
        _options = options;
        _time = time;
        _retries = Retries(options, time);
    }

    /// <param name="loan">
    /// A shared slot the caller holds: lent while the retry waits, taken back (within the URL's deadline) before the
    /// next attempt. Null: nothing to lend.
    /// </param>
    /// <param name="wholeBodyCap">Read a working HTML page's or PDF's whole body, up to this many bytes, and hand it
    /// on in <see cref="LinkCheckResult.Whole"/> (a saved copy is made of it); null reads only what the check
    /// needs.</param>
    public async Task<LinkCheckResult> CheckAsync(
        string url, CancellationToken ct = default, RetryLoan? loan = null, int? wholeBodyCap = null)
    {
        var started = _time.GetTimestamp();
        long Elapsed() => (long)_time.GetElapsedTime(started).TotalMilliseconds;

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return new(url, LinkOutcome.InvalidUrl, null, null, [], false, null, 0, "not an absolute URL", 0);
        if (!UrlNormalizer.IsWebAddress(uri))
            return new(url, LinkOutcome.Skipped, null, null, [], false, null, 0,
                $"{uri.Scheme}: links are not checked", 0);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Deadline);
        var attempts = 0;
        LinkCheckResult? last = null;
        try
        {
            var final = await _retries.ExecuteAsync(async token =>
            {
                if (++attempts > 1 && loan is not null) await loan.TakeBackAsync(token);
                var attempt = await AttemptAsync(url, uri, attempts, Elapsed, wholeBodyCap, token, ct);
                last = attempt.Result;
                if (attempt.Retry is not null && loan is not null && attempts <= _options.MaxRetries) loan.Lend();
                return attempt;
            }, deadline.Token);
            return final.Result with { ElapsedMs = Elapsed() };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && last is not null)
        {
            // The wait for the next attempt outlasted the deadline: the last answer stands.
            return last with { ElapsedMs = Elapsed() };
        }
    }

    /// <summary>
    /// Tries again what <see cref="Attempt.Retry"/> says is worth it, at most LinkHealth:MaxRetries times: after
    /// the delay the answer asked for (Retry-After), or else exponential back-off with jitter from
    /// LinkHealth:RetryBaseDelay.
    /// </summary>
    private static ResiliencePipeline<Attempt> Retries(LinkCheckOptions options, TimeProvider time)
    {
        if (options.MaxRetries == 0) return ResiliencePipeline<Attempt>.Empty;
        return new ResiliencePipelineBuilder<Attempt> { Name = RetryPipeline, TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Retry is not null),
                // Null: the back-off above.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Retry is { } wait && wait >=
                    TimeSpan.Zero ? wait : (TimeSpan?)null),
            })
            .Build();
    }

    /// <summary>One attempt's result, and whether (and after how long) to try again: a negative wait means the
    /// back-off.</summary>
    private sealed record Attempt(LinkCheckResult Result, TimeSpan? Retry);

    private static readonly TimeSpan Backoff = TimeSpan.FromTicks(-1);

    /// <summary>One attempt along the redirect chain.</summary>
    private async Task<Attempt> AttemptAsync(string original, Uri start, int attempt, Func<long> elapsed,
        int? wholeBodyCap, CancellationToken token, CancellationToken callerToken)
    {
        using var answer = await _fetch.GetAsync(start, token);
        LinkCheckResult Result(LinkOutcome outcome, int? status, string? error) =>
            new(original, outcome, status, answer.At.AbsoluteUri, answer.Redirects, answer.Downgraded, null,
                elapsed(), error, attempt);

        if (answer.Failure is { } e)
        {
            if (Classify(e, callerToken) is not { } failure) ExceptionDispatchInfo.Throw(e);
            else return new(Result(failure, null, Describe(e)), IsWorthRetrying(failure, attempt) ? Backoff : null);
        }
        if (answer.Stop is { } stop)
            return new(Result(stop == FetchStop.Refused ? LinkOutcome.Refused : LinkOutcome.Broken, answer.StopStatus,
                answer.Reason), null);

        var response = answer.Response!;
        var status = (int)response.StatusCode;
        var outcome = ClassifyStatus(response);
        if (outcome == LinkOutcome.Ok && answer.Redirects.Count > 0 && answer.Permanent)
            outcome = LinkOutcome.Redirected;
        TimeSpan? retry = status is 408 or 429 || status >= 500 ? RetryDelay(response) : null;
        var result = Result(outcome, status, null) with { ContentType = answer.MediaType };
        if (!outcome.IsWorking()) return new(result, retry);
        try
        {
            if (wholeBodyCap is { } cap && await WholeBody.ReadAsync(answer, cap, token) is { } whole)
                result = result with
                {
                    Whole = whole,
                    Page = whole.Bytes is { } bytes && WebContent.IsHtml(whole.MediaType)
                        ? PageMetadataReader.FromBytes(bytes[..Math.Min(bytes.Length, _options.MaxBodyBytes)],
                            whole.Charset)
                        : null,
                };
            else if (WebContent.IsHtml(answer.MediaType))
                result = result with
                {
                    Page = await PageMetadataReader.ReadAsync(response.Content, _options.MaxBodyBytes, token),
                };
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            // Headers came, the body did not (a page that drips a byte a second).
            return new(result with { Outcome = LinkOutcome.Timeout,
                Error = "the page did not arrive before the deadline" }, null);
        }
        catch (Exception x) when (x is IOException or InvalidDataException or HttpRequestException)
        {
            result = result with { Error = $"the page could not be read: {x.Message}" };
        }
        return new(result, retry);
    }

    private static LinkOutcome ClassifyStatus(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        >= 200 and < 300 when IsChallenge(response) => LinkOutcome.Blocked,
        >= 200 and < 300 => LinkOutcome.Ok,
        401 or 403 or 429 => LinkOutcome.Blocked,
        404 or 410 => LinkOutcome.Broken,
        >= 500 => LinkOutcome.ServerError,
        _ => LinkOutcome.Broken,
    };

    private static bool IsChallenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("cf-mitigated", out var values) && values.Contains("challenge");

    /// <summary>Network failures as outcomes; null for anything that is the caller's own cancellation.</summary>
    private static LinkOutcome? Classify(Exception e, CancellationToken callerToken) => e switch
    {
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => LinkOutcome.Timeout,
        RefusedAddressException or HttpRequestException { InnerException: RefusedAddressException } =>
            LinkOutcome.Refused,
        HttpRequestException { InnerException: AuthenticationException } => LinkOutcome.TlsError,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => LinkOutcome.TlsError,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => LinkOutcome.DnsFailure,
        HttpRequestException when Socket(e) is { } socket => FromSocket(socket),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded } =>
            LinkOutcome.ConnectFailed,
        // An answer came but made no sense (a broken protocol, a bad header): the server is there, the page is not
        // usable.
        HttpRequestException => LinkOutcome.Broken,
        _ => null,
    };

    private static SocketException? Socket(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is SocketException socket) return socket;
        return null;
    }

    private static LinkOutcome FromSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => LinkOutcome.DnsFailure,
        SocketError.TimedOut => LinkOutcome.Timeout,
        _ => LinkOutcome.ConnectFailed,
    };

    private static string Describe(Exception e) => (e.InnerException ?? e).Message;

    /// <summary>
    /// A timeout may pass; a refused or reset connection is tried once more (a server restarting); a name
    /// that did not resolve, a failed handshake or a refusal by the guard will say the same again.
    /// </summary>
    private static bool IsWorthRetrying(LinkOutcome failure, int attempt) => failure switch
    {
        LinkOutcome.Timeout => true,
        LinkOutcome.ConnectFailed => attempt == 1,
        _ => false,
    };

    /// <summary>Retry-After (seconds or a date) up to the cap; otherwise the back-off.</summary>
    private TimeSpan RetryDelay(HttpResponseMessage response)
    {
        if (GuardedFetch.RetryAfter(response, _time.GetUtcNow()) is not { } wait) return Backoff;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.RetryAfterCap ? _options.RetryAfterCap : wait;
    }
}

/// <summary>
/// A shared slot (the overall limit of <see cref="PoliteChecker"/>) that a check lends while it waits to try again
/// and takes back before it does.
/// </summary>
public sealed record RetryLoan(Action Lend, Func<CancellationToken, Task> TakeBackAsync);
