using System.Collections.Concurrent;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.SavedCopies.Drift;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// Saves copies of the reading material (<see cref="ReadingMaterial"/>) a recorded run found working: its Ok and
/// Redirected HTML pages and PDFs, extracted and stored (<see cref="SavedCopyStore"/>). The check reads them whole
/// and hands them over (<see cref="IPageKeeper"/>), so a page's body is sent once a night; each chunk's copy job
/// then fetches (<see cref="CopyFetcher"/>) only what the check could not hand over. Safe to run twice: a URL
/// handed over, saved or refused since its run started is not fetched again. The scheduler around it (Hangfire in
/// the portal, link-run on the command line) only has to call these.
/// </summary>
public sealed class CopyRuns(
    IDbContextFactory<PortalDbContext> databases, CopyFetcher fetcher, SavedCopyOptions options, TimeProvider time)
    : IPageKeeper
{
    /// <summary>Copies of one chunk's working pages; what became of them.</summary>
    public async Task<CopyTally> SaveChunkAsync(long runId, int chunk, CancellationToken ct)
    {
        if (!options.Enabled) return new();
        List<CopyTarget> targets;
        await using (var db = await databases.CreateDbContextAsync(ct))
            targets = await PendingAsync(db, runId, chunk, ct);
        // What the chunk's check handed over in this process counts as this job's work too.
        var tally = _kept.TryRemove((runId, chunk), out var kept) ? kept : new CopyTally();
        await Task.WhenAll(targets.Select(async target => tally.Add(await SaveUrlAsync(target, ct))));
        return tally;
    }

    /// <summary>What each chunk's check handed over, until its copy job asks (in this process; a job that runs in
    /// another one reports only what it fetched itself).</summary>
    private readonly ConcurrentDictionary<(long Run, int Chunk), CopyTally> _kept = new();

    // Runs this many older than the newest are forgotten: their copy jobs ran elsewhere.
    private const int KeptRuns = 100;

    /// <summary>Fetches, extracts and stores one page; null when it could not be fetched (tried at the next
    /// check) or its host's copies were switched off meanwhile. The copy, its drift alert and the revision bump
    /// are one transaction: a job retried after a failure finds either all of them or none.</summary>
    public async Task<CopySaveKind?> SaveUrlAsync(CopyTarget target, CancellationToken ct) =>
        await SavePageAsync(target, await fetcher.FetchAsync(target.Url, ct), ct);

    public async Task<WholeBodies?> WantedAsync(PortalDbContext db, IReadOnlyCollection<CheckRunUrl> urls,
        CancellationToken ct)
    {
        if (!options.Enabled) return null;
        var normalized = urls.Select(u => u.NormalizedUrl).ToList();
        var wanted = await ReadingMaterial.Urls(db).Where(n => normalized.Contains(n)).ToListAsync(ct);
        var off = await db.CopiesOffHosts.Select(h => h.Host).ToListAsync(ct);
        return new(urls.Where(u => wanted.Contains(u.NormalizedUrl) && !off.Contains(u.Host)).Select(u => u.Url)
            .ToHashSet(StringComparer.Ordinal), options.MaxPageBytes);
    }

    public async Task<bool> KeepAsync(CheckRunUrl url, LinkCheckResult result, CancellationToken ct)
    {
        // Read whole only when it worked: anything else is the copy job's to decide.
        if (result.Whole is not { } whole) return false;
        var saved = await SaveWholeAsync(new CopyTarget(url.Url, url.NormalizedUrl, url.Host), whole, ct);
        _kept.GetOrAdd((url.RunId, url.Chunk), _ => new CopyTally()).Add(saved);
        foreach (var old in _kept.Keys.Where(k => k.Run < url.RunId - KeptRuns)) _kept.TryRemove(old, out _);
        return true;
    }

    /// <summary>Stores the copy of a page a check read whole (a run's, or a suggestion's one check).</summary>
    public Task<CopySaveKind?> SaveWholeAsync(CopyTarget target, WholeBody whole, CancellationToken ct) =>
        SavePageAsync(target, PageFetch.Of(whole), ct);

    private async Task<CopySaveKind?> SavePageAsync(CopyTarget target, PageFetch page, CancellationToken ct)
    {
        if (page.Error is not null) return null;
        // Parsing is the costly part: off the thread that read the answer.
        var extract = page.Refusal is { } refusal ? PageExtract.Refused(page.Kind!.Value, refusal)
            : await Task.Run(() => Extract(page), ct);
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Switched off while this job ran: the editors' switch deleted the host's copies, none may come back.
        if (await db.CopiesOffHosts.AnyAsync(h => h.Host == target.Host, ct)) return null;
        var now = time.GetUtcNow();
        var saved = await SavedCopyStore.SaveAsync(db, target, page.FinalUrl!, extract, now, options.VersionsKept,
            ct);
        await PageDrifts.RecordAsync(db, saved, page.FinalUrl!, options.ChangeAlertSimilarity, now, ct);
        // Section pages link the copies: a new or deleted one changes them.
        if (saved.Kind is CopySaveKind.New or CopySaveKind.Deleted) await ContentRevision.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return saved.Kind;
    }

    /// <summary>Reading one page may take this long; past it the page counts as unreadable.</summary>
    private static readonly TimeSpan ExtractionBudget = TimeSpan.FromSeconds(20);

    public PageExtract Extract(PageFetch page)
    {
        if (page.Kind == SavedCopyKind.Pdf) return PdfExtractor.FromPdf(page.Body!, options.MaxTextChars);
        using var budget = new CancellationTokenSource(ExtractionBudget, time);
        try
        {
            return PageExtractor.FromHtml(page.Body!, page.Charset, new Uri(page.FinalUrl!), options.MaxTextChars,
                budget.Token);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // The readability pass throws what it throws on pages it cannot make sense of: one such page must not
            // fail its chunk's job and hold back the other pages' copies.
            return PageExtract.Refused(SavedCopyKind.Html, CopyRefusalReason.Unreadable);
        }
    }

    /// <summary>The pruning job's work: every URL down to SavedCopies:VersionsKept versions.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await SavedCopyStore.PruneAsync(db, null, options.VersionsKept, ct);
    }

    private static async Task<List<CopyTarget>> PendingAsync(PortalDbContext db, long runId, int chunk,
        CancellationToken ct)
    {
        var started = await db.CheckRuns.Where(r => r.Id == runId).Select(r => (DateTimeOffset?)r.StartedAt)
            .SingleOrDefaultAsync(ct);
        if (started is null) return [];
        return await (
            from u in db.CheckRunUrls.AsNoTracking()
            where u.RunId == runId && u.Chunk == chunk
            join r in db.CheckResults.AsNoTracking() on new { u.RunId, u.NormalizedUrl }
                equals new { r.RunId, r.NormalizedUrl }
            where LinkOutcomes.Working.Contains(r.Outcome)
            where WebContent.ReadableTypes.Contains(r.ContentType)
            where !r.PageKept
            where ReadingMaterial.Urls(db).Contains(u.NormalizedUrl)
            where !db.CopiesOffHosts.Any(h => h.Host == u.Host)
            // Saved in this run: the page's latest copy (by number, as everywhere) was saved since it started.
            where !LatestCopy.Each(db.SavedCopies).Any(c => c.NormalizedUrl == u.NormalizedUrl && c.SavedAt >= started)
            where !db.CopyRefusals.Any(c => c.NormalizedUrl == u.NormalizedUrl && c.DecidedAt >= started)
            select new CopyTarget(u.Url, u.NormalizedUrl, u.Host)).ToListAsync(ct);
    }
}

/// <summary>What a chunk's copies came to; counted from several saves at once.</summary>
public sealed class CopyTally
{
    // One counter per CopySaveKind, and one more for pages that could not be fetched.
    private readonly int[] _counts = new int[Enum.GetValues<CopySaveKind>().Length + 1];

    public int New => _counts[(int)CopySaveKind.New];
    public int Unchanged => _counts[(int)CopySaveKind.Unchanged];
    public int Refused => _counts[(int)CopySaveKind.Refused] + _counts[(int)CopySaveKind.Deleted];
    public int Failed => _counts[^1];

    public void Add(CopySaveKind? kind) => Interlocked.Increment(ref _counts[kind is { } k ? (int)k : ^1]);

    /// <summary>Another chunk's tally, for a whole run.</summary>
    public void Add(CopyTally other)
    {
        for (var i = 0; i < _counts.Length; i++) Interlocked.Add(ref _counts[i], other._counts[i]);
    }
}
