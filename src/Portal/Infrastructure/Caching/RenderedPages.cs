using System.Collections.Concurrent;
using ContainerNetLib.Portal.Infrastructure.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// The reader pages everyone opens — home, sections, authors, feeds: addresses without a query
/// string — kept as finished responses (headers and body) for the current content revision, and
/// answered like static files before the output cache. These pages are few and change only with the
/// content, so they skip the output cache's hit path (key, policies, lookup, entry decoding), which
/// is a large part of a cached page's cost (docs/benchmarks.md). Searches and filtered pages
/// stay with the output cache. A new revision drops every kept page at once. A page's Brotli and gzip
/// forms are made the first time a reader asks for them and kept beside it, within the same bounds.
/// </summary>
public sealed class RenderedPages(CurrentRevision contentRevision, TimeProvider time)
{
    /// <summary>Bounds, so odd spellings of addresses cannot fill memory; past them pages are simply not
    /// kept.</summary>
    public const int MaxPages = 2_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxPageBytes = 2 * 1024 * 1024;

    /// <summary>A page as rendered: its headers (ETag of the uncompressed body among them) and its body.</summary>
    public sealed record Page(KeyValuePair<string, StringValues>[] Headers, ReadOnlyMemory<byte> Body);

    /// <summary>The bytes to send: the body in one content coding (null for none) and that coding's ETag.</summary>
    public sealed record Encoded(string? Encoding, ReadOnlyMemory<byte> Body, string? ETag);

    private long _compressions;

    /// <summary>Bodies compressed since start: once per page, coding and revision, never per request.</summary>
    public long Compressions => Interlocked.Read(ref _compressions);

    /// <summary>A kept page and the compressed forms made of it so far (null where compressing did not pay).</summary>
    private sealed class Kept(Page page, DateTimeOffset expires, Generation generation)
    {
        public Page Page { get; } = page;
        public DateTimeOffset Expires { get; } = expires;
        public Generation Generation { get; } = generation;
        public ConcurrentDictionary<string, Encoded?> Encoded { get; } = new(1, 2, StringComparer.Ordinal);
        public long Bytes = page.Body.Length;
    }

    /// <summary>The pages of one revision; replaced whole when the revision changes, so a page can never land in
    /// another revision's set.</summary>
    private sealed class Generation(long revision)
    {
        public long Revision { get; } = revision;
        public ConcurrentDictionary<string, Kept> Pages { get; } = new(StringComparer.Ordinal);
        public long Bytes;
    }

    private Generation _current = new(-1);

    public int Count => _current.Pages.Count;

    /// <summary>The page kept for an address at the current revision and younger than the cache's maximum
    /// age.</summary>
    public bool TryGet(string key, out Page page)
    {
        page = null!;
        if (Find(key) is not { } kept) return false;
        page = kept.Page;
        return true;
    }

    /// <summary>
    /// The kept page and its body in <paramref name="encoding"/> ("br", "gzip"; null for none), compressed
    /// now if no reader asked for it before. The uncompressed body when compressing would not make it
    /// smaller or would pass the byte bound.
    /// </summary>
    public bool TryGet(string key, string? encoding, out Page page, out Encoded body)
    {
        page = null!;
        body = null!;
        if (Find(key) is not { } kept) return false;
        page = kept.Page;
        body = encoding is null ? Identity(kept.Page)
            : (kept.Encoded.TryGetValue(encoding, out var known) ? known : Compress(kept, encoding))
                ?? Identity(kept.Page);
        return true;
    }

    private Kept? Find(string key)
    {
        var generation = Now();
        if (!generation.Pages.TryGetValue(key, out var kept)) return null;
        if (kept.Expires > time.GetUtcNow()) return kept;
        // Its bytes go back to the bound, or a list that goes unchanged for hours would stop keeping pages.
        if (generation.Pages.TryRemove(new KeyValuePair<string, Kept>(key, kept)))
            Interlocked.Add(ref generation.Bytes, -Interlocked.Read(ref kept.Bytes));
        return null;
    }

    private static Encoded Identity(Page page) => new(null, page.Body, null);

    private Encoded? Compress(Kept kept, string encoding)
    {
        // One reader compresses; others asking for the same coding meanwhile wait for it rather than repeat it.
        lock (kept)
        {
            if (kept.Encoded.TryGetValue(encoding, out var known)) return known;
            Interlocked.Increment(ref _compressions);
            var compressed = Precompressed.Compress(kept.Page.Body.Span, encoding);
            if (compressed is null) return kept.Encoded[encoding] = null;
            var generation = kept.Generation;
            if (Interlocked.Add(ref generation.Bytes, compressed.Length) > MaxBytes)
            {
                // Past the bound the body is compressed per response instead, like any page that is not kept.
                Interlocked.Add(ref generation.Bytes, -compressed.Length);
                return null;
            }
            Interlocked.Add(ref kept.Bytes, compressed.Length);
            var etag = kept.Page.Headers.FirstOrDefault(h => h.Key == HeaderNames.ETag).Value.ToString();
            var encodedETag = etag.Length > 0 ? EncodedETag.For(etag, encoding) : null;
            return kept.Encoded[encoding] = new Encoded(encoding, compressed, encodedETag);
        }
    }

    /// <summary>Keeps a page rendered at <paramref name="revision"/>, unless the content has changed since.</summary>
    public void Keep(long revision, string key, Page page)
    {
        if (revision < 0) return;
        var generation = Now();
        if (generation.Revision != revision || generation.Pages.Count >= MaxPages) return;
        var bytes = page.Body.Length;
        if (Interlocked.Add(ref generation.Bytes, bytes) > MaxBytes
            || !generation.Pages.TryAdd(key, new Kept(page, time.GetUtcNow() + ReaderCaching.MaxAge, generation)))
            Interlocked.Add(ref generation.Bytes, -bytes);
    }

    private Generation Now()
    {
        var generation = Volatile.Read(ref _current);
        var revision = contentRevision.Current;
        if (generation.Revision == revision) return generation;
        var next = new Generation(revision);
        // Whoever swaps first wins; the others use the winner's set.
        return Interlocked.CompareExchange(ref _current, next,
            generation) == generation ? next : Volatile.Read(ref _current);
    }
}
