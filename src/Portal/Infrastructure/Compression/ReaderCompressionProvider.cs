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
    public string? PreferredEncoding(HttpContext context) =>
        ReaderCompression.MayCompress(context) && CheckRequestAcceptsCompression(context)
            ? base.GetCompressionProvider(context)?.EncodingName
            : null;

    /// <summary>
    /// A Vary header that names Accept-Encoding: caches must keep the codings apart, and an uncompressed
    /// response varies too (another reader's request may get a compressed one).
    /// </summary>
    public static StringValues WithAcceptEncoding(StringValues vary) =>
        vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
            ? vary
            : StringValues.Concat(vary, HeaderNames.AcceptEncoding);
}
