using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// Fetches a whole page or PDF for a copy through the checker's <see cref="GuardedFetch"/> (the address guard, every
/// redirect through <see cref="UrlPolicy"/>, its user agent), within its per-URL deadline and the shared per-host
/// and overall limits of <see cref="PoliteChecker"/>. Reads at most SavedCopies:MaxPageBytes, decompressed.
/// </summary>
public sealed class CopyFetcher(
    HttpClient http, UrlPolicy urls, PoliteChecker politeness, LinkCheckOptions checks, SavedCopyOptions savedCopies)
{
    private readonly GuardedFetch _fetch = new(http, urls, checks);

    public Task<PageFetch> FetchAsync(string url, CancellationToken ct) =>
        politeness.PolitelyAsync(url, token => FetchNowAsync(url, token), ct);

    private async Task<PageFetch> FetchNowAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var start)) return PageFetch.Failed("not an absolute URL");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(checks.Deadline);
        try
        {
            using var answer = await _fetch.GetAsync(start, deadline.Token);
            ct.ThrowIfCancellationRequested();
            if (answer.Failure is { } failure) throw failure;
            if (answer.Reason is { } reason) return PageFetch.Failed(reason);
            var response = answer.Response!;
            if (!response.IsSuccessStatusCode)
                return PageFetch.Failed($"the page answered {(int)response.StatusCode}");
            return await WholeBody.ReadAsync(answer, savedCopies.MaxPageBytes, deadline.Token) is { } whole
                ? PageFetch.Of(whole)
                : PageFetch.Failed("neither an HTML page nor a PDF");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException
            or InvalidDataException or OperationCanceledException or TimeoutException)
        {
            return PageFetch.Failed(e is OperationCanceledException ? "no page before the deadline" : e.Message);
        }
    }
}

/// <summary>A fetched page (<see cref="Body"/>), a reason for no copy (<see cref="Refusal"/>), or a failure to
/// fetch at all (<see cref="Error"/>: nothing is recorded, the next check tries again).</summary>
public sealed record PageFetch(
    string? FinalUrl, SavedCopyKind? Kind, string? Charset, byte[]? Body, CopyRefusalReason? Refusal, string? Error)
{
    public static PageFetch Failed(string error) => new(null, null, null, null, null, error);

    /// <summary>A body read whole (by the copy job or by the check): the page, or why it gets no copy.</summary>
    public static PageFetch Of(WholeBody whole)
    {
        var kind = WebContent.IsHtml(whole.MediaType) ? SavedCopyKind.Html : SavedCopyKind.Pdf;
        if (whole.RobotsTags.Any(PageExtractor.HasNoArchive))
            return new(whole.FinalUrl, kind, null, null, CopyRefusalReason.NoArchive, null);
        return whole.Bytes is null
            ? new(whole.FinalUrl, kind, null, null, CopyRefusalReason.TooLarge, null)
            : new(whole.FinalUrl, kind, whole.Charset, whole.Bytes, null, null);
    }
}
