using System.Net.Http.Headers;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// Fetches a whole page or PDF for a copy, as the checker fetches: its client (the address guard at connect
/// time), every redirect through <see cref="UrlPolicy"/>, its user agent and per-URL deadline, and the shared
/// per-host and overall limits of <see cref="PoliteChecker"/>. Reads at most Archive:MaxPageBytes, decompressed.
/// </summary>
public sealed class CopyFetcher(
    HttpClient http, UrlPolicy urls, PoliteChecker politeness, LinkCheckOptions checks, ArchiveOptions archive)
{
    public Task<PageFetch> FetchAsync(string url, CancellationToken ct) =>
        politeness.PolitelyAsync(url, token => FetchNowAsync(url, token), ct);

    private async Task<PageFetch> FetchNowAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current)) return PageFetch.Failed("not an absolute URL");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(checks.Deadline);
        try
        {
            for (var hop = 0; hop <= checks.MaxRedirects; hop++)
            {
                if (urls.Refusal(current.AbsoluteUri) is { } refusal) return PageFetch.Failed(refusal);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(checks.UserAgent);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
                    deadline.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                return await ReadAsync(current, response, deadline.Token);
            }
            return PageFetch.Failed($"more than {checks.MaxRedirects} redirects");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException
            or InvalidDataException or OperationCanceledException)
        {
            return PageFetch.Failed(e is OperationCanceledException ? "no page before the deadline" : e.Message);
        }
    }

    private async Task<PageFetch> ReadAsync(Uri at, HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) return PageFetch.Failed($"the page answered {(int)response.StatusCode}");
        var kind = KindOf(response.Content.Headers.ContentType);
        if (kind is null) return PageFetch.Failed("neither an HTML page nor a PDF");
        if (response.Headers.TryGetValues("X-Robots-Tag", out var robots) && robots.Any(PageExtractor.HasNoArchive))
            return PageFetch.Refused(at, kind.Value, CopyRefusalReason.NoArchive);
        if (response.Content.Headers.ContentLength > archive.MaxPageBytes)
            return PageFetch.Refused(at, kind.Value, CopyRefusalReason.TooLarge);
        await using var raw = await response.Content.ReadAsStreamAsync(ct);
        await using var body = PageMetadataReader.Decompress(raw, response.Content.Headers.ContentEncoding
            .LastOrDefault());
        // One byte past the cap tells a page that is exactly the cap from one that is over it.
        var bytes = await ReadUpToAsync(body, archive.MaxPageBytes + 1, ct);
        if (bytes.Length > archive.MaxPageBytes) return PageFetch.Refused(at, kind.Value, CopyRefusalReason.TooLarge);
        return new PageFetch(at.AbsoluteUri, kind, response.Content.Headers.ContentType?.CharSet, bytes, null, null);
    }

    private static SavedCopyKind? KindOf(MediaTypeHeaderValue? type) => type?.MediaType switch
    {
        var html when PageMetadataReader.IsHtml(html) => SavedCopyKind.Html,
        "application/pdf" => SavedCopyKind.Pdf,
        _ => null,
    };

    private static async Task<byte[]> ReadUpToAsync(Stream body, int limit, CancellationToken ct)
    {
        using var collected = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (collected.Length < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - collected.Length)),
                ct);
            if (read == 0) break;
            collected.Write(buffer, 0, read);
        }
        return collected.ToArray();
    }
}

/// <summary>A fetched page (<see cref="Body"/>), a reason for no copy (<see cref="Refusal"/>), or a failure to
/// fetch at all (<see cref="Error"/>: nothing is recorded, the next check tries again).</summary>
public sealed record PageFetch(
    string? FinalUrl, SavedCopyKind? Kind, string? Charset, byte[]? Body, CopyRefusalReason? Refusal, string? Error)
{
    public static PageFetch Failed(string error) => new(null, null, null, null, null, error);

    public static PageFetch Refused(Uri at, SavedCopyKind kind, CopyRefusalReason reason) =>
        new(at.AbsoluteUri, kind, null, null, reason, null);
}
