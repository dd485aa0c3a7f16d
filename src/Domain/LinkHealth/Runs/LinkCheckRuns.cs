using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Runs of the link checker kept in PostgreSQL: start (fix the URLs and chunks), check a chunk
/// (idempotent: a URL with a result in this run is not checked again, and the unique (run, URL)
/// row means a chunk that runs twice never duplicates a result), finish (exactly once), prune.
/// The scheduler around it (Hangfire in the portal) only has to call these.
/// </summary>
public sealed class LinkCheckRuns(
    IDbContextFactory<PortalDbContext> databases,
    LinkCheckRun checker,
    ArchiveLookup? archive,
    RunSettings settings,
    TimeProvider time,
    ExclusionRules? exclusions = null)
{
    // Without configured rules, editors' rules (in the database) still apply.
    private readonly ExclusionRules _exclusions = exclusions ?? new ExclusionRules([], time);

    /// <summary>Creates the run and its URL list; null when the section or entry does not exist.</summary>
    public async Task<CheckRun?> StartAsync(CheckScope scope, CheckTrigger trigger, string? requestedBy, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        if (await scope.UrlsAsync(db, ct) is not { } urls) return null;
        var chunks = ChunkPlanner.Plan(urls, settings.ChunkSize);
        var run = new CheckRun
        {
            Trigger = trigger,
            Scope = scope.ToString(),
            RequestedBy = requestedBy,
            StartedAt = time.GetUtcNow(),
            UrlCount = urls.Count,
            ChunkCount = chunks.Length == 0 ? 0 : chunks.Max() + 1,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CheckRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.CheckRunUrls.AddRange(urls.Select((u, i) => new CheckRunUrl
        {
            RunId = run.Id, NormalizedUrl = u.NormalizedUrl, Url = u.Url, Host = u.Host, Chunk = chunks[i],
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (run.UrlCount == 0) await TryFinishAsync(run.Id, ct);
        return run;
    }

    /// <summary>Checks the URLs of one chunk that have no result yet; says how many, and whether that finished the run.</summary>
    public async Task<ChunkOutcome> CheckChunkAsync(long runId, int chunk, CancellationToken ct)
    {
        List<CheckRunUrl> pending;
        ExclusionMatcher rules;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            pending = await db.CheckRunUrls.AsNoTracking()
                .Where(u => u.RunId == runId && u.Chunk == chunk)
                .Where(u => !db.CheckResults.Any(r => r.RunId == runId && r.NormalizedUrl == u.NormalizedUrl))
                .ToListAsync(ct);
            rules = await _exclusions.LoadAsync(db, ct);
        }
        var checkedCount = 0;
        // Excluded links are recorded as Skipped, naming the rule, and never dialled.
        foreach (var url in pending.ToList())
        {
            if (rules.Match(url.NormalizedUrl) is not { } rule) continue;
            await RecordAsync(runId, url, ExclusionMatcher.Skipped(url.Url, rule), ct);
            pending.Remove(url);
            checkedCount++;
        }
        var byUrl = pending.ToDictionary(u => u.Url, StringComparer.Ordinal);
        await foreach (var result in checker.CheckAsync(pending.Select(u => u.Url), ct))
        {
            await RecordAsync(runId, byUrl[result.Url], result, ct);
            checkedCount++;
        }
        return new ChunkOutcome(checkedCount, await TryFinishAsync(runId, ct));
    }

    /// <summary>Stores one result and moves the link's state, in one transaction.</summary>
    private async Task RecordAsync(long runId, CheckRunUrl url, LinkCheckResult checkedUrl, CancellationToken ct)
    {
        var result = ToRow(runId, url, checkedUrl);
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO check_results (run_id, normalized_url, url, checked_at, outcome, status, final_url, redirects,
                downgraded, elapsed_ms, attempts, error, content_type, fetched_title, fetched_description,
                published_time, author, canonical_url)
            VALUES ({result.RunId}, {result.NormalizedUrl}, {result.Url}, {result.CheckedAt}, {result.Outcome.ToString()},
                {result.Status}, {result.FinalUrl}, {result.Redirects}, {result.Downgraded}, {result.ElapsedMs},
                {result.Attempts}, {result.Error}, {result.ContentType}, {result.FetchedTitle}, {result.FetchedDescription},
                {result.PublishedTime}, {result.Author}, {result.CanonicalUrl})
            ON CONFLICT (run_id, normalized_url) DO NOTHING
            """, ct);
        if (inserted == 0) return; // Recorded by an earlier attempt of this chunk.
        Telemetry.PortalMetrics.LinkChecked(result.Outcome.ToString());

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO link_states (normalized_url, url, host, last_run_id, last_checked_at, outcome, redirects,
                downgraded, elapsed_ms, consecutive_failures)
            VALUES ({url.NormalizedUrl}, {url.Url}, {url.Host}, 0, {result.CheckedAt}, {result.Outcome.ToString()},
                {Array.Empty<string>()}, false, 0, 0)
            ON CONFLICT (normalized_url) DO NOTHING
            """, ct);
        var state = await db.LinkStates
            .FromSql($"SELECT * FROM link_states WHERE normalized_url = {url.NormalizedUrl} FOR UPDATE")
            .SingleAsync(ct);
        var newlyBroken = LinkStateTransition.Apply(state, result, settings.FailuresBeforeBroken);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        // Asked after the commit: a slow archive must not hold the link's row locked.
        if (newlyBroken && archive is not null && await archive.LatestSnapshotAsync(url.Url, ct) is { } snapshot)
        {
            await db.LinkStates
                .Where(s => s.NormalizedUrl == url.NormalizedUrl && s.BrokenSinceRunId == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchiveUrl, snapshot), ct);
        }
    }

    /// <summary>Marks the run finished once every URL has a result; true only for the call that did it.</summary>
    public async Task<bool> TryFinishAsync(long runId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var finished = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE check_runs r
            SET finished_at = {now},
                newly_broken = (SELECT count(*) FROM link_states s WHERE s.broken_since_run_id = r.id)
            WHERE r.id = {runId} AND r.finished_at IS NULL
              AND (SELECT count(*) FROM check_results c WHERE c.run_id = r.id) >= r.url_count
            """, ct);
        // Section pages show a badge per entry: a finished run changes them.
        if (finished == 1) await ContentRevision.BumpAsync(db, ct);
        return finished == 1;
    }

    /// <summary>Deletes runs (and with them their URLs and results) that started before the cut-off.</summary>
    public async Task<int> PruneAsync(TimeSpan keep, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var cutoff = time.GetUtcNow() - keep;
        return await db.CheckRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private CheckResult ToRow(long runId, CheckRunUrl url, LinkCheckResult r) => new()
    {
        RunId = runId,
        NormalizedUrl = url.NormalizedUrl,
        Url = url.Url,
        CheckedAt = time.GetUtcNow(),
        Outcome = r.Outcome,
        Status = r.Status,
        FinalUrl = r.FinalUrl,
        Redirects = r.Redirects.ToList(),
        Downgraded = r.Downgraded,
        ElapsedMs = r.ElapsedMs,
        Attempts = r.Attempts,
        Error = r.Error,
        ContentType = r.ContentType,
        FetchedTitle = Trim(r.Page?.Title ?? r.Page?.OgTitle, 500),
        FetchedDescription = Trim(r.Page?.OgDescription, 2000),
        PublishedTime = Trim(r.Page?.PublishedTime, 100),
        Author = Trim(r.Page?.Author, 300),
        CanonicalUrl = Trim(r.Page?.Canonical, 2000),
    };

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text.Trim() : text[..max].Trim();
}

public sealed record ChunkOutcome(int Checked, bool FinishedRun);
