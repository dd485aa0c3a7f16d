namespace ContainerNetLib.Portal.Infrastructure.Compression;

/// <summary>
/// One ETag per content coding: <c>W/"r7"</c> for the page as is, <c>W/"r7-br"</c> and <c>W/"r7-gzip"</c>
/// for its compressed forms (as Apache's mod_deflate does), so a validator always names the bytes it was sent with.
/// </summary>
public static class EncodedETag
{
    public static readonly string[] Encodings = ["br", "gzip"];

    public static string For(string etag, string encoding) =>
        etag.EndsWith('"') ? string.Concat(etag.AsSpan(0, etag.Length - 1), "-", encoding, "\"") : etag;

    /// <summary>The entity tag in If-None-Match that names this ETag in any coding, or null.</summary>
    public static string? Matching(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null) continue;
            var ranges = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var range in ranges)
            {
                if (range == etag) return etag;
                foreach (var encoding in Encodings)
                    if (range == For(etag, encoding)) return range;
            }
        }
        return null;
    }
}
