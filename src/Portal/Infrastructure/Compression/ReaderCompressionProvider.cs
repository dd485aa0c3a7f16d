using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContainerNetLib.Portal.Infrastructure.Compression;

/// <summary>
/// ASP.NET Core's choice of encoding, giving a compressed response its own ETag: a cache or browser
/// holding the gzip bytes must not be told by a 304 that they are the Brotli ones.
/// </summary>
public sealed class ReaderCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    // Enough for the Accept-Encoding values of every browser in use; others are parsed each time.
    private const int PreferredKept = 64;
    private readonly ConcurrentDictionary<string, string?> _preferred = new(StringComparer.Ordinal);

    /// <summary>Called once the response is known to be compressed, before its headers go out.</summary>
    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var provider = base.GetCompressionProvider(context);
        if (provider is not null)
        {
            var headers = context.Response.Headers;
            if (headers.ETag.Count > 0) headers.ETag = EncodedETag.For(headers.ETag.ToString(), provider.EncodingName);
        }
        return provider;
    }

    /// <summary>The encoding the request's Accept-Encoding prefers among ours, or null for none (identity).</summary>
    public string? PreferredEncoding(HttpContext context)
    {
        if (!ReaderCompression.MayCompress(context) || !CheckRequestAcceptsCompression(context)) return null;
        var accepted = context.Request.Headers.AcceptEncoding;
        if (accepted.Count != 1) return base.GetCompressionProvider(context)?.EncodingName;
        // The choice depends on the header alone, and browsers send a handful of values: parsed once each, not on
        // every kept page's answer (the reader hot path, issue 22 §6).
        if (_preferred.TryGetValue(accepted[0]!, out var known)) return known;
        var chosen = base.GetCompressionProvider(context)?.EncodingName;
        if (_preferred.Count < PreferredKept) _preferred.TryAdd(accepted[0]!, chosen);
        return chosen;
    }

    /// <summary>
    /// A Vary header that names Accept-Encoding: caches must keep the codings apart, and an uncompressed
    /// response varies too (another reader's request may get a compressed one).
    /// </summary>
    public static StringValues WithAcceptEncoding(StringValues vary) =>
        vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
            ? vary
            : StringValues.Concat(vary, HeaderNames.AcceptEncoding);
}
