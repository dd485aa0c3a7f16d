using ContainerNetLib.Portal.Infrastructure.Compression;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Answers anonymous GETs of reader pages without a query string from <see cref="RenderedPages"/>; on a
/// miss, lets the pipeline (output cache, rendering) answer and keeps a copy of what it sent when
/// that is an ordinary 200 page meant for everyone. Conditional requests (If-None-Match) and whoever may not
/// share the readers' copy (<see cref="SharedPage"/>) go the usual way. A kept page goes out in the coding the
/// reader accepts, compressed once
/// (<see cref="RenderedPages.TryGet(string, string?, out RenderedPages.Page, out RenderedPages.Encoded)"/>),
/// always with its length. Placed twice: in front of sign-in only answering (<paramref name="keep"/> false), and
/// behind compression also keeping, so that the copy kept is the page before compression.
/// </summary>
/// <remarks>
/// In front of sign-in, a request is known to be anonymous only when it carries nothing to sign in with: no sign-in
/// cookie and no Authorization header. Most readers arrive so (a link from chat); they are answered without the
/// authentication handler's work, a third of a kept page's time. Anyone else, and everyone in private mode, is
/// answered behind, once who they are is known.
/// </remarks>
public sealed class RenderedPageMiddleware(
    RequestDelegate next, RenderedPages pages, CurrentRevision contentRevision,
    ReaderCompressionProvider compression, IOptionsMonitor<CookieAuthenticationOptions> signInCookies,
    ReaderAccess access, bool keep)
{
    private readonly string _signInCookie =
        signInCookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? IdentityConstants.ApplicationScheme;

    // Marks a request the front instance looked up without finding its page.
    private static readonly object MissedInFront = new();

    // Set per response by the server, meaningless on a copy, or set per coding when the copy is sent.
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Age, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.Connection, HeaderNames.Server, HeaderNames.ContentEncoding, HeaderNames.ETag, HeaderNames.Vary,
    };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue
            || !ReaderCaching.IsCachedReaderPath(request.Path)
            || !(keep ? SharedPage.MayShare(context, access) : CarriesNoSignIn(request))
            || request.Headers.IfNoneMatch.Count > 0 || request.Headers.IfModifiedSince.Count > 0)
            return next(context);

        // The host is part of the page (canonical and feed addresses), as it is of the output cache's key.
        var key = string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value);
        var encoding = request.Headers.AcceptEncoding.Count > 0 ? compression.PreferredEncoding(context) : null;
        // Behind: a request the front already looked up and missed is not looked up twice.
        if ((!keep || !context.Items.ContainsKey(MissedInFront))
            && pages.TryGet(key, encoding, out var page, out var body)) return SendAsync(context.Response, page, body);
        if (keep) return RenderAndKeepAsync(context, key);
        context.Items[MissedInFront] = true;
        return next(context);
    }

    /// <summary>Before sign-in: public mode, no Authorization header, no sign-in cookie (nor one of its chunks).
    /// </summary>
    private bool CarriesNoSignIn(HttpRequest request)
    {
        if (access.SignedInOnly || request.Headers.Authorization.Count > 0) return false;
        if (request.Headers.Cookie.Count == 0) return true;
        foreach (var name in request.Cookies.Keys)
            if (name.StartsWith(_signInCookie, StringComparison.Ordinal)) return false;
        return true;
    }

    private static Task SendAsync(HttpResponse response, RenderedPages.Page page, RenderedPages.Encoded body)
    {
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers) headers[name] = value;
        if (body.Encoding is not null)
        {
            headers.ContentEncoding = body.Encoding;
            if (body.ETag is not null) headers.ETag = body.ETag;
        }
        response.ContentLength = body.Body.Length;
        return response.BodyWriter.WriteAsync(body.Body).AsTask();
    }

    private async Task RenderAndKeepAsync(HttpContext context, string key)
    {
        var revision = contentRevision.Current;
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var copy = new CopyingStream(original.Stream, RenderedPages.MaxPageBytes);
        var copying = new StreamResponseBodyFeature(copy, original);
        context.Features.Set<IHttpResponseBodyFeature>(copying);
        try
        {
            await next(context);
            await copying.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || copy.Overflowed
            || response.Headers.ContainsKey(HeaderNames.SetCookie)) return;
        // A reader who left mid-page may have cut the rendering short: only a whole page is kept.
        if (context.RequestAborted.IsCancellationRequested || response.ContentLength is { } length
            && length != copy.CopiedLength) return;
        // Only a page of the revision the request started under: not one the output cache answered from an older one.
        // The copy is of the page before compression (which wraps this middleware); the ETag may be the compressed
        // form's.
        var etag = CurrentRevision.ETagOf(revision);
        var encoding = response.Headers.ContentEncoding.ToString();
        if (response.Headers.ETag != (encoding.Length == 0 ? etag : EncodedETag.For(etag, encoding))) return;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (cacheControl != SharedPage.CacheControl(access)) return;
        KeyValuePair<string, StringValues>[] headers =
        [
            .. response.Headers.Where(h => !NotKept.Contains(h.Key)),
            new(HeaderNames.ETag, etag),
            new(HeaderNames.Vary, ReaderCompressionProvider.WithAcceptEncoding(response.Headers.Vary)),
        ];
        pages.Keep(revision, key, new RenderedPages.Page(headers, copy.Copied()));
    }

    /// <summary>Passes every write on and keeps a copy, up to a size.</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _copy = new();

        public bool Overflowed { get; private set; }
        public long CopiedLength => _copy.Length;
        public ReadOnlyMemory<byte> Copied() => _copy.ToArray();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed) return;
            if (_copy.Length + bytes.Length > limit) { Overflowed = true; _copy.SetLength(0); return; }
            _copy.Write(bytes);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) { Keep(buffer); inner.Write(buffer); }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, ct);
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
