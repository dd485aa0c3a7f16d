using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Runs of the link checker kept in PostgreSQL: start (fix the URLs and chunks), check a chunk
/// (idempotent: a URL with a result in this run is not checked again, and the unique (run, URL)
/// row means a chunk that runs twice never duplicates a result), finish (exactly once), prune.
/// The scheduler around it (Hangfire in the portal) only has to call these.
/// </summary>
public sealed class RecordedRuns(
    IDbContextFactory<PortalDbContext> databases,
    PoliteChecker checker,
    ArchiveLookup? archive,
    RunSettings settings,
    TimeProvider time,
    ExclusionRules? exclusions = null,
    RunNotifier? notifier = null,
    IPageKeeper? pages = null)
{
    // Without configured rules, editors' rules (in the database) still apply.
    private readonly ExclusionRules _exclusions = exclusions ?? new ExclusionRules([], time);

    private const int WriteBatch = 200;

    /// <summary>Creates the run and its URL list; null when the section or entry does not exist.</summary>
    public async Task<CheckRun?> StartAsync(CheckScope scope, CheckTrigger trigger, string? requestedBy,
        CancellationToken ct)
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
        // The whole list in one stream, in the run's transaction: a night's run starts checking at once.
        await using (var writer = await ((Npgsql.NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(
            "copy check_run_urls (run_id, normalized_url, url, host, chunk) from stdin (format binary)", ct))
        {
            for (var i = 0; i < urls.Count; i++)
                await writer.WriteRowAsync(ct, run.Id, urls[i].NormalizedUrl, urls[i].Url, urls[i].Host, chunks[i]);
            await writer.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (run.UrlCount == 0 && await TryFinishAsync(run.Id, ct)) await FollowUpAsync(run.Id, ct);
        return run;
    }

    /// <summary>Checks the URLs of one chunk that have no result yet; says how many, and whether that finished the
    /// run.</summary>
    public async Task<ChunkOutcome> CheckChunkAsync(long runId, int chunk, CancellationToken ct)
    {
        List<CheckRunUrl> pending;
        UnreachableHosts unreachable;
        ExclusionMatcher rules;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            pending = await db.CheckRunUrls.AsNoTracking()
                .Where(u => u.RunId == runId && u.Chunk == chunk)
                .Where(u => !db.CheckResults.Any(r => r.RunId == runId && r.NormalizedUrl == u.NormalizedUrl))
                .ToListAsync(ct);
            unreachable = await UnreachableSoFarAsync(db, runId, pending, ct);
            rules = await _exclusions.LoadAsync(db, ct);
        }
        var checkedCount = 0;
        // Excluded links are recorded as Skipped, naming the rule, and never dialled.
        foreach (var url in pending.ToList())
        {
            if (rules.Match(url.NormalizedUrl) is not { } rule) continue;
            await RecordAsync([ToRow(runId, url, ExclusionMatcher.Skipped(url.Url, rule))], ct);
            pending.Remove(url);
            checkedCount++;
        }
        var byUrl = pending.ToDictionary(u => u.Url, StringComparer.Ordinal);
        // Pages read whole here are handed to the saved copies: each page's body comes once a night.
        WholeBodies? whole = null;
        if (pages is not null)
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            whole = await pages.WantedAsync(db, pending, ct);
        }
        var results = Channel.CreateUnbounded<CheckResult>();
        // Stopped when storing fails: a chunk that will run again must not go on dialling in the background.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var checking = Task.Run(async () =>
        {
            try
            {
                var keeping = new List<Task>();
                await foreach (var result in checker.CheckAsync(pending.Select(u => u.Url), stop.Token, unreachable,
                    whole))
                {
                    var url = byUrl[result.Url];
                    if (result.Whole is null || pages is null)
                        await results.Writer.WriteAsync(ToRow(runId, url, result), stop.Token);
                    else
                        // Recorded once its writer is: a chunk that stops in between checks the page again.
                        keeping.Add(Task.Run(async () =>
                        {
                            var row = ToRow(runId, url, result);
                            row.PageKept = await pages.KeepAsync(url, result, stop.Token);
                            await results.Writer.WriteAsync(row, stop.Token);
                        }));
                }
                await Task.WhenAll(keeping);
                results.Writer.Complete();
            }
            catch (Exception e)
            {
                results.Writer.Complete(e);
            }
        }, stop.Token);
        try
        {
            // Whatever has arrived is written in one stream while the next results come in.
            var batch = new List<CheckResult>();
            while (await results.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < WriteBatch && results.Reader.TryRead(out var row)) batch.Add(row);
                await RecordAsync(batch, ct);
                checkedCount += batch.Count;
                batch.Clear();
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await checking;
            }
            catch (OperationCanceledException)
            {
                // Stopped above, after a failure that is on its way up.
            }
        }
        var finished = await TryFinishAsync(runId, ct);
        await FollowUpAsync(runId, ct);
        return new ChunkOutcome(checkedCount, finished);
    }

    /// <summary>
    /// What this run already learnt of the chunk's hosts (other chunks, an earlier attempt of this one), so a
    /// host that did not answer is not dialled again just because its URLs fell into two jobs.
    /// </summary>
    private async Task<UnreachableHosts> UnreachableSoFarAsync(
        PortalDbContext db, long runId, List<CheckRunUrl> pending, CancellationToken ct)
    {
        var unreachable = new UnreachableHosts(settings.HostFailuresBeforeSkip);
        var hosts = pending.Select(u => u.Host).Distinct().ToList();
        // Two plain lookups rather than one join: in the middle of a run the table's statistics lag behind the newest
        // run's rows, and a join planned on them is slow; index lookups are not.
        var sameHosts = await db.CheckRunUrls.AsNoTracking()
            .Where(u => u.RunId == runId && hosts.Contains(u.Host)).Select(u => u.NormalizedUrl).ToListAsync(ct);
        var earlier = await db.CheckResults.AsNoTracking()
            .Where(r => r.RunId == runId && !r.HostSkipped && sameHosts.Contains(r.NormalizedUrl))
            .OrderBy(r => r.CheckedAt)
            .Select(r => new { r.Url, r.Outcome, r.Error })
            .ToListAsync(ct);
        foreach (var r in earlier)
            unreachable.Record(new LinkCheckResult(r.Url, r.Outcome, null, null, [], false, null, 0, r.Error, 1));
        return unreachable;
    }

    /// <summary>
    /// Stores results, a batch in one stream. A batch that meets a result already stored (a chunk that runs twice
    /// at once) is written again a row at a time, each skipped if it is there. Links' states move only when the run
    /// finishes, and only if it is conclusive.
    /// </summary>
    private async Task RecordAsync(IReadOnlyCollection<CheckResult> results, CancellationToken ct)
    {
        if (results.Count == 0) return;
        await using var db = await databases.CreateDbContextAsync(ct);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        if (await TryCopyAsync(connection, results, ct)) return;
        foreach (var result in results) await TryCopyAsync(connection, [result], ct);
    }

    private static async Task<bool> TryCopyAsync(Npgsql.NpgsqlConnection connection,
        IReadOnlyCollection<CheckResult> results, CancellationToken ct)
    {
        try
        {
            await CheckResultStream.WriteAsync(connection, results, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "23505")
        {
            return false;
        }
        foreach (var result in results) Telemetry.PortalMetrics.LinkChecked(result.Outcome.ToString());
        return true;
    }

    /// <summary>
    /// Once every URL has a result: decides the verdict, moves the links' states if the run is conclusive, and
    /// stores the run's numbers, all in one transaction; true only for the call that did it.
    /// </summary>
    public async Task<bool> TryFinishAsync(long runId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        if (!await IsCompleteAsync(db, runId, ct)) return false;
        // Dialled before the run's row is locked: a slow canary must not hold up the other chunks' finish.
        var canaries = await CheckCanariesAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes this the one finishing call; the entity is read after it (EF maps complex columns
        // only in its own queries, not in raw SQL).
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM check_runs WHERE id = {runId} FOR UPDATE", ct);
        var run = await db.CheckRuns.SingleAsync(r => r.Id == runId, ct);
        if (run.FinishedAt is not null) return false;
        var results = await db.CheckResults.AsNoTracking().Where(r => r.RunId == runId).ToListAsync(ct);
        var conclusion = RunVerdict.Decide(results.Select(r => (UnreachableHosts.EndpointOf(r.Url), r.Outcome)), canaries,
            settings.Outage);
        var states = conclusion.IsConclusive ? await MoveStatesAsync(db, runId, results, ct) : await StatesAsync(db,
            runId, ct);

        var now = time.GetUtcNow();
        run.FinishedAt = now;
        run.Verdict = conclusion.IsConclusive ? RunVerdictKind.Conclusive : RunVerdictKind.Inconclusive;
        run.VerdictReason = conclusion.Reason;
        run.NewlyBroken = states.Count(s => s.BrokenSinceRunId == runId);
        run.Counts = RunTally.Count(results, states, conclusion.Hosts, settings.FailuresBeforeBroken,
            DateOnly.FromDateTime(now.UtcDateTime));
        await db.SaveChangesAsync(ct);
        // Section pages show a badge per entry: a run that moved states changes them.
        if (conclusion.IsConclusive) await ContentRevision.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
        Telemetry.PortalMetrics.RunFinished(run.Verdict.Value.ToString());
        return true;
    }

    /// <summary>
    /// What a finished run owes the team, done once: whichever chunk job claims it (the one that finished the run,
    /// or a retry of it after a failure between the commit and this) tells the webhook and looks up archived copies.
    /// </summary>
    private async Task FollowUpAsync(long runId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var claimed = await db.CheckRuns
            .Where(r => r.Id == runId && r.FinishedAt != null && r.NotifiedAt == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.NotifiedAt, now), ct);
        if (claimed == 0) return;
        if (notifier is not null) await notifier.RunFinishedAsync(runId, ct);
        await SuggestArchivedCopiesAsync(db, runId, ct);
    }

    private static async Task<bool> IsCompleteAsync(PortalDbContext db, long runId, CancellationToken ct) =>
        await db.CheckRuns.AnyAsync(r => r.Id == runId && r.FinishedAt == null &&
            db.CheckResults.Count(c => c.RunId == r.Id) >= r.UrlCount, ct);

    private async Task<List<LinkOutcome>> CheckCanariesAsync(CancellationToken ct)
    {
        var outcomes = new List<LinkOutcome>();
        if (settings.Canaries.Count == 0) return outcomes;
        await foreach (var result in checker.CheckAsync(settings.Canaries, ct)) outcomes.Add(result.Outcome);
        return outcomes;
    }

    /// <summary>Applies every result of a conclusive run to its link's state; returns the states, tracked and
    /// changed.</summary>
    private async Task<List<LinkState>> MoveStatesAsync(PortalDbContext db, long runId, List<CheckResult> results,
        CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO link_states (normalized_url, url, host, last_run_id, last_checked_at, outcome, redirects,
                downgraded, elapsed_ms, consecutive_failures)
            SELECT c.normalized_url, c.url, u.host, 0, c.checked_at, c.outcome, ARRAY[]::text[], false, 0, 0
            FROM check_results c JOIN check_run_urls u ON u.run_id = c.run_id AND u.normalized_url = c.normalized_url
            WHERE c.run_id = {runId}
            ON CONFLICT (normalized_url) DO NOTHING
            """, ct);
        var states = await db.LinkStates
            .FromSql($"""
                SELECT * FROM link_states
                WHERE normalized_url IN (SELECT normalized_url FROM check_results WHERE run_id = {runId})
                ORDER BY normalized_url FOR UPDATE
                """)
            .ToDictionaryAsync(s => s.NormalizedUrl, StringComparer.Ordinal, ct);
        foreach (var result in results) LinkStateTransition.Apply(states[result.NormalizedUrl], result,
            settings.FailuresBeforeBroken);
        return states.Values.ToList();
    }

    private static Task<List<LinkState>> StatesAsync(PortalDbContext db, long runId, CancellationToken ct) =>
        db.LinkStates.AsNoTracking()
            .Where(s => db.CheckResults.Any(r => r.RunId == runId && r.NormalizedUrl == s.NormalizedUrl))
            .ToListAsync(ct);

    /// <summary>After the commit: a slow archive must not hold the links' rows locked.</summary>
    private async Task SuggestArchivedCopiesAsync(PortalDbContext db, long runId, CancellationToken ct)
    {
        if (archive is null) return;
        var newlyBroken = await db.LinkStates.AsNoTracking().Where(s => s.BrokenSinceRunId == runId)
            .Select(s => new { s.NormalizedUrl, s.Url }).ToListAsync(ct);
        foreach (var link in newlyBroken)
        {
            if (await archive.WaybackAddressAsync(link.Url, ct) is not { } archived) continue;
            await db.LinkStates
                .Where(s => s.NormalizedUrl == link.NormalizedUrl && s.BrokenSinceRunId == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchiveUrl, archived), ct);
        }
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
        HostSkipped = r.HostSkipped,
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
