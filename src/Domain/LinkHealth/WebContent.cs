namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>What kind of answer a page is, by its media type: the one list of what the checker reads metadata from
/// and what gets a saved copy.</summary>
public static class WebContent
{
    public static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];
    public const string PdfType = "application/pdf";

    /// <summary>Pages and PDFs: what a saved copy is made of (a list, so a database query can use it too).</summary>
    public static readonly string[] ReadableTypes = [.. HtmlTypes, PdfType];

    public static bool IsHtml(string? mediaType) => mediaType is not null && HtmlTypes.Contains(mediaType);

    public static bool IsReadable(string? mediaType) => mediaType is not null && ReadableTypes.Contains(mediaType);
}

/// <summary>
/// A readable answer's whole (decompressed) body, read once, up to a cap: what a saved copy is made from, whether
/// the copy job fetched it or the checker read it whole and handed it on. <see cref="Bytes"/> is null when the body
/// is over the cap.
/// </summary>
public sealed record WholeBody(string FinalUrl, string MediaType, string? Charset, byte[]? Bytes,
    IReadOnlyList<string> RobotsTags)
{
    /// <summary>Null when the answer is neither an HTML page nor a PDF (nothing is read).</summary>
    public static async Task<WholeBody?> ReadAsync(FetchAnswer answer, int cap, CancellationToken ct)
    {
        if (answer.Response is not { } response || !WebContent.IsReadable(answer.MediaType)) return null;
        var robots = response.Headers.TryGetValues("X-Robots-Tag", out var tags) ? tags.ToList() : [];
        var whole = new WholeBody(answer.At.AbsoluteUri, answer.MediaType!, answer.Charset, null, robots);
        if (response.Content.Headers.ContentLength > cap) return whole;
        // One byte past the cap tells a page that is exactly the cap from one that is over it.
        var bytes = await GuardedFetch.ReadUpToAsync(response.Content, cap + 1, ct);
        return bytes.Length > cap ? whole : whole with { Bytes = bytes };
    }
}
