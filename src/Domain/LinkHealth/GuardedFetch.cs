using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// The one way a linked page is fetched (the checker, the saved copies, the GitHub checker, the archive lookup):
/// a GET through the guarded client (the address guard at connect time, bodies decompressed by the handler), the
/// checker's user agent, and redirects followed by hand, each hop through <see cref="UrlPolicy"/>, at most
/// <see cref="LinkCheckOptions.MaxRedirects"/> of them, loops and non-web schemes refused.
/// </summary>
public sealed class GuardedFetch(HttpClient http, UrlPolicy urls, LinkCheckOptions options)
{
    /// <summary>What a linked page is asked for: HTML first, a PDF next, anything else last.</summary>
    private static readonly string PageTypes =
        $"{string.Join(',', WebContent.HtmlTypes)},{WebContent.PdfType};q=0.9,*/*;q=0.5";

    /// <summary>Follows the chain from <paramref name="start"/>; the answer holds the final response, or why the
    /// chain stopped. Failures on the network come back in <see cref="FetchAnswer.Failure"/>, never thrown.</summary>
    /// <param name="accept">The media types asked for; null for a page's (<see cref="PageTypes"/>).</param>
    /// <param name="prepare">Headers of the caller's own (an API's token and version); null for none.</param>
    /// <param name="follow">False: the first answer is returned as it is, redirect or not.</param>
    public async Task<FetchAnswer> GetAsync(Uri start, CancellationToken ct, string? accept = null,
        Action<HttpRequestMessage>? prepare = null, bool follow = true)
    {
        var chain = new FetchAnswer(start);
        for (var hop = 0; ; hop++)
        {
            if (urls.Refusal(chain.At.AbsoluteUri) is { } refusal)
                return chain.Stopped(FetchStop.Refused, null, refusal);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, chain.At);
                request.Headers.UserAgent.ParseAdd(options.UserAgent);
                request.Headers.Accept.ParseAdd(accept ?? PageTypes);
                prepare?.Invoke(request);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TimeoutException
                or IOException)
            {
                return chain with { Failure = e };
            }
            var status = (int)response.StatusCode;
            if (!follow || NextHop(chain.At, response) is not { } next) return chain with { Response = response };
            response.Dispose();
            if (hop >= options.MaxRedirects)
                return chain.Stopped(FetchStop.Broken, status, $"more than {options.MaxRedirects} redirects");
            if (chain.Redirects.Contains(next.AbsoluteUri) || next == start)
                return chain.Stopped(FetchStop.Broken, status, "redirect loop");
            if (!UrlNormalizer.IsWebAddress(next))
                return chain.Stopped(FetchStop.Refused, status, $"redirect to a {next.Scheme}: URL");
            chain = chain.Hop(next, status);
        }
    }

    /// <summary>Where a redirect points, resolved against the address that answered; null for any other
    /// answer.</summary>
    public static Uri? NextHop(Uri at, HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(at, location)
            : null;

    /// <summary>The wait an answer asks for in Retry-After (seconds, or a date measured from
    /// <paramref name="now"/>); null when it names none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter is not { } asked ? null
            : asked.Delta ?? (asked.Date is { } date ? date - now : null);

    /// <summary>
    /// The (decompressed) body up to <paramref name="limit"/> bytes, or until <paramref name="enough"/> says so
    /// (given everything read so far and where the newest part starts).
    /// </summary>
    public static async Task<byte[]> ReadUpToAsync(HttpContent content, int limit, CancellationToken ct,
        Func<ReadOnlyMemory<byte>, int, bool>? enough = null)
    {
        await using var body = await content.ReadAsStreamAsync(ct);
        using var collected = new MemoryStream();
        var buffer = new byte[Math.Min(limit, 64 * 1024)];
        while (collected.Length < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - collected.Length)),
                ct);
            if (read == 0) break;
            var from = (int)collected.Length;
            collected.Write(buffer, 0, read);
            if (enough?.Invoke(collected.GetBuffer().AsMemory(0, (int)collected.Length), from) == true) break;
        }
        return collected.ToArray();
    }
}

/// <summary>Why a redirect chain stopped before an answer: the guard refused a hop, or the chain is broken (too
/// long, a loop).</summary>
public enum FetchStop
{
    Refused,
    Broken,
}

/// <summary>
/// Where a fetch got to: the final <see cref="Response"/> (disposed with the answer), or a <see cref="Stop"/> with
/// its <see cref="Reason"/>, or a <see cref="Failure"/> on the network; with the redirects followed on the way.
/// </summary>
/// <param name="Permanent">Every redirect on the way was permanent (301, 308).</param>
/// <param name="Downgraded">A redirect on the way went from https to http.</param>
public sealed record FetchAnswer(Uri Start) : IDisposable
{
    public Uri At { get; init; } = Start;
    public IReadOnlyList<string> Redirects { get; init; } = [];
    public bool Permanent { get; init; } = true;
    public bool Downgraded { get; init; }
    public HttpResponseMessage? Response { get; init; }
    public FetchStop? Stop { get; init; }
    public int? StopStatus { get; init; }
    public string? Reason { get; init; }
    public Exception? Failure { get; init; }

    public string? MediaType => Response?.Content.Headers.ContentType?.MediaType;
    public string? Charset => Response?.Content.Headers.ContentType?.CharSet;

    internal FetchAnswer Hop(Uri next, int status) => this with
    {
        At = next,
        Redirects = [.. Redirects, next.AbsoluteUri],
        Permanent = Permanent && status is 301 or 308,
        Downgraded = Downgraded || (At.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp),
    };

    internal FetchAnswer Stopped(FetchStop stop, int? status, string reason) =>
        this with { Stop = stop, StopStatus = status, Reason = reason };

    public void Dispose() => Response?.Dispose();
}
