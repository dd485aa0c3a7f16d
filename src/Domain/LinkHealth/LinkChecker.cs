using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Checks one URL: follows redirects by hand (each hop through <see cref="UrlPolicy"/> and, at
/// connect time, the address guard), retries transient failures with exponential back-off and
/// jitter (honouring Retry-After up to a cap), and classifies the result. The per-URL deadline is
/// enforced by cancellation. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class LinkChecker(HttpClient http, UrlPolicy urls, LinkCheckOptions options, TimeProvider time)
{
    /// <param name="pause">
    /// Runs the wait between two attempts, given the URL's deadline; a caller that holds a shared slot gives it up
    /// meanwhile and takes it back within the deadline. Null: just wait.
    /// </param>
    public async Task<LinkCheckResult> CheckAsync(
        string url, CancellationToken ct = default, Func<Func<Task>, CancellationToken, Task>? pause = null)
    {
        var started = time.GetTimestamp();
        long Elapsed() => (long)time.GetElapsedTime(started).TotalMilliseconds;

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return new(url, LinkOutcome.InvalidUrl, null, null, [], false, null, 0, "not an absolute URL", 0);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return new(url, LinkOutcome.Skipped, null, null, [], false, null, 0,
                $"{uri.Scheme}: links are not checked", 0);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Deadline);
        var attempts = 0;
        while (true)
        {
            attempts++;
            var (result, retryAfter) = await FollowAsync(url, uri, attempts, Elapsed, deadline.Token, ct);
            if (retryAfter is null || attempts > options.MaxRetries) return result with { ElapsedMs = Elapsed() };
            try
            {
                var wait = retryAfter.Value;
                var token = deadline.Token;
                await (pause ?? ((w, _) => w()))(() => Task.Delay(wait, time, token), token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return result with { ElapsedMs = Elapsed() };
            }
        }
    }

    /// <summary>One attempt along the redirect chain; a delay when the answer is worth retrying.</summary>
    private async Task<(LinkCheckResult Result, TimeSpan? RetryAfter)> FollowAsync(
        string original, Uri start, int attempt, Func<long> elapsed, CancellationToken token,
            CancellationToken callerToken)
    {
        var redirects = new List<string>();
        var current = start;
        var permanent = true;
        var downgraded = false;
        for (var hop = 0; ; hop++)
        {
            if (urls.Refusal(current.AbsoluteUri) is { } refusal)
                return (Result(LinkOutcome.Refused, null, current, refusal), null);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(options.UserAgent);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            }
            catch (Exception e) when (Classify(e, callerToken) is { } failure)
            {
                return (Result(failure, null, current, Describe(e)),
                    IsWorthRetrying(failure, attempt) ? Backoff(attempt) : null);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= options.MaxRedirects)
                        return (Result(LinkOutcome.Broken, status, current,
                            $"more than {options.MaxRedirects} redirects"), null);
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (redirects.Contains(next.AbsoluteUri) || next == start)
                        return (Result(LinkOutcome.Broken, status, current, "redirect loop"), null);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        return (Result(LinkOutcome.Refused, status, current, $"redirect to a {next.Scheme}: URL"),
                            null);
                    permanent &= status is 301 or 308;
                    downgraded |= current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp;
                    redirects.Add(next.AbsoluteUri);
                    current = next;
                    continue;
                }
                var outcome = ClassifyStatus(response);
                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (outcome == LinkOutcome.Ok && redirects.Count > 0 && permanent) outcome = LinkOutcome.Redirected;
                TimeSpan? retry = status is 408 or 429 || status >= 500 ? RetryDelay(response, attempt) : null;
                var result = Result(outcome, status, current, null) with { ContentType = contentType };
                if (outcome.IsWorking() && PageMetadataReader.IsHtml(contentType))
                {
                    try
                    {
                        result = result with { Page = await PageMetadataReader.ReadAsync(response.Content,
                            options.MaxBodyBytes, token) };
                    }
                    catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
                    {
                        // Headers came, the body did not (a page that drips a byte a second).
                        return (result with { Outcome = LinkOutcome.Timeout,
                            Error = "the page did not arrive before the deadline" }, null);
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
                    {
                        result = result with { Error = $"the page could not be read: {e.Message}" };
                    }
                }
                return (result, retry);
            }
        }

        LinkCheckResult Result(LinkOutcome outcome, int? status, Uri at, string? error) =>
            new(original, outcome, status, at.AbsoluteUri, redirects.ToList(), downgraded, null, elapsed(), error,
                attempt);
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

    /// <summary>Retry-After (seconds or a date) up to the cap; otherwise exponential back-off with jitter.</summary>
    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var requested = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null);
        if (requested is { } wait) return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.RetryAfterCap
            ? options.RetryAfterCap : wait;
        return Backoff(attempt);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return exponential + options.RetryBaseDelay * Random.Shared.NextDouble();
    }
}
