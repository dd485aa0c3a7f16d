using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// The reader pages everyone opens — home, sections, authors, feeds: addresses without a query
/// string — kept as finished responses (headers and body) for the current content revision, and
/// answered like static files before the output cache. The output cache's own hit path (key,
/// policies, lookup, entry decoding) costs about a quarter of a section page's throughput; these
/// pages are few and change only with the content, so they skip it. Searches and filtered pages
/// stay with the output cache. A new revision drops every snapshot at once.
/// </summary>
public sealed class PageSnapshots(ContentVersion version, TimeProvider time)
{
    /// <summary>Bounds, so odd spellings of addresses cannot fill memory; past them pages are simply not kept.</summary>
    public const int MaxPages = 2_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxPageBytes = 2 * 1024 * 1024;

    public sealed record Page(KeyValuePair<string, StringValues>[] Headers, ReadOnlyMemory<byte> Body);

    private sealed record Kept(Page Page, DateTimeOffset Expires);

    /// <summary>The pages of one revision; replaced whole when the revision changes, so a page can never land in another revision's set.</summary>
    private sealed class Generation(long revision)
    {
        public long Revision { get; } = revision;
        public ConcurrentDictionary<string, Kept> Pages { get; } = new(StringComparer.Ordinal);
        public long Bytes;
    }

    private Generation _current = new(-1);

    public int Count => _current.Pages.Count;

    /// <summary>The snapshot of an address at the current revision and younger than the cache's maximum age.</summary>
    public bool TryGet(string key, out Page page)
    {
        var generation = Now();
        page = null!;
        if (!generation.Pages.TryGetValue(key, out var kept)) return false;
        if (kept.Expires > time.GetUtcNow())
        {
            page = kept.Page;
            return true;
        }
        // Its bytes go back to the bound, or a list that goes unchanged for hours would stop keeping pages.
        if (generation.Pages.TryRemove(new KeyValuePair<string, Kept>(key, kept))) Interlocked.Add(ref generation.Bytes, -kept.Page.Body.Length);
        return false;
    }

    /// <summary>Keeps a page rendered at <paramref name="revision"/>, unless the content has changed since.</summary>
    public void Keep(long revision, string key, Page page)
    {
        if (revision < 0) return;
        var generation = Now();
        if (generation.Revision != revision || generation.Pages.Count >= MaxPages) return;
        var bytes = page.Body.Length;
        if (Interlocked.Add(ref generation.Bytes, bytes) > MaxBytes || !generation.Pages.TryAdd(key, new Kept(page, time.GetUtcNow() + ReaderCaching.MaxAge)))
            Interlocked.Add(ref generation.Bytes, -bytes);
    }

    private Generation Now()
    {
        var generation = Volatile.Read(ref _current);
        var revision = version.Current;
        if (generation.Revision == revision) return generation;
        var next = new Generation(revision);
        // Whoever swaps first wins; the others use the winner's set.
        return Interlocked.CompareExchange(ref _current, next, generation) == generation ? next : Volatile.Read(ref _current);
    }
}
