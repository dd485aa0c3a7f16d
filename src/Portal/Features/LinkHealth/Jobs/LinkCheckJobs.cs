using ContainerNetLib.Domain.LinkHealth;
using System.ComponentModel;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Portal.Features.SavedCopies;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// The Hangfire side of a run: start (fix the URLs, enqueue one job per chunk), check a chunk,
/// prune history. The checker retries HTTP failures itself; Hangfire retries a chunk whose job failed (a
/// database outage, a dead process), and a chunk that runs again skips every URL that already has a result.
/// </summary>
public sealed partial class LinkCheckJobs(
    RecordedRuns runs,
    IBackgroundJobClient jobs,
    IDbContextFactory<PortalDbContext> databases,
    JobStorageReadiness readiness,
    IOptions<LinkHealthOptions> options,
    IOptions<SavedCopyOptions> savedCopies,
    ILogger<LinkCheckJobs> logger)
{
    public const string NightlyJobId = "nightly-link-check";
    public const string PruneJobId = "prune-link-check-history";

    [DisplayName("nightly link check")]
    [AutomaticRetry(Attempts = 1)]
    public async Task StartNightlyAsync(CancellationToken ct)
    {
        await ResumeUnfinishedAsync(ct);
        await StartAsync(CheckScope.List, CheckTrigger.Nightly, requestedBy: null, ct);
    }

    /// <summary>Starts a run of the list, a section or an entry; null when that does not exist.</summary>
    public async Task<CheckRun?> StartAsync(CheckScope scope, CheckTrigger trigger, string? requestedBy,
        CancellationToken ct)
    {
        // A check asked for in the first moments after start waits for Hangfire's schema.
        await readiness.WaitAsync(ct);
        var run = await runs.StartAsync(scope, trigger, requestedBy, ct);
        if (run is null) return null;
        for (var chunk = 0; chunk < run.ChunkCount; chunk++) EnqueueChunk(run.Id, chunk);
        LogStarted(logger, run.Id, run.Scope, run.UrlCount, run.ChunkCount);
        return run;
    }

    [DisplayName("link check run {0}, chunk {1}")]
    // A chunk that failed (its database went away, its process died) runs again and skips what it stored, so it
    // may try for a while: a database restart or a short outage resumes the run within minutes, not the next night.
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 15, 30, 60, 120, 300])]
    public async Task CheckChunkAsync(long runId, int chunk, CancellationToken ct)
    {
        var outcome = await runs.CheckChunkAsync(runId, chunk, ct);
        LogChunk(logger, runId, chunk, outcome.Checked);
        // The chunk's working pages are fetched whole in a job of their own: a slow copy never holds up a check.
        if (savedCopies.Value.Enabled)
            jobs.Enqueue<SavedCopyJobs>(j => j.SaveChunkAsync(runId, chunk, CancellationToken.None));
    }

    [DisplayName("prune link-check history")]
    [AutomaticRetry(Attempts = 1)]
    public async Task PruneHistoryAsync(CancellationToken ct)
    {
        var pruned = await runs.PruneAsync(TimeSpan.FromDays(options.Value.HistoryDays), ct);
        LogPruned(logger, pruned, options.Value.HistoryDays);
    }

    /// <summary>
    /// A run whose chunk jobs were lost (the process died between creating the run and queueing them,
    /// or a chunk used up its retries) is picked up again: its chunks with URLs left are queued once
    /// more, and skip what is done.
    /// </summary>
    private async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var pending = await db.CheckRunUrls.AsNoTracking()
            .Where(u => db.CheckRuns.Any(r => r.Id == u.RunId && r.FinishedAt == null))
            .Where(u => !db.CheckResults.Any(c => c.RunId == u.RunId && c.NormalizedUrl == u.NormalizedUrl))
            .Select(u => new { u.RunId, u.Chunk }).Distinct().ToListAsync(ct);
        foreach (var chunk in pending) EnqueueChunk(chunk.RunId, chunk.Chunk);
    }

    private void EnqueueChunk(long runId, int chunk) =>
        jobs.Enqueue<LinkCheckJobs>(j => j.CheckChunkAsync(runId, chunk, CancellationToken.None));

    [LoggerMessage(LogLevel.Information, "Link check run {RunId} ({Scope}) started: {Urls} URLs in {Chunks} chunks")]
    private static partial void LogStarted(ILogger logger, long runId, string scope, int urls, int chunks);

    [LoggerMessage(LogLevel.Information, "Link check run {RunId}, chunk {Chunk}: {Checked} URLs checked")]
    private static partial void LogChunk(ILogger logger, long runId, int chunk, int @checked);

    [LoggerMessage(LogLevel.Information, "Pruned {Runs} link-check runs older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int runs, int days);
}
