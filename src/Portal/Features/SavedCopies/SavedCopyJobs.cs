using System.ComponentModel;
using ContainerNetLib.Domain.SavedCopies;
using Hangfire;

namespace ContainerNetLib.Portal.Features.SavedCopies;

/// <summary>
/// The Hangfire side of saved copies: one job per checked chunk (queued by the link check's chunk job), and the
/// nightly pruning. Both are safe to run twice.
/// </summary>
public sealed partial class SavedCopyJobs(CopyRuns copies, ILogger<SavedCopyJobs> logger)
{
    public const string PruneJobId = "prune-saved-copies";

    [DisplayName("saved copies of run {0}, chunk {1}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task SaveChunkAsync(long runId, int chunk, CancellationToken ct)
    {
        var tally = await copies.SaveChunkAsync(runId, chunk, ct);
        LogSaved(logger, runId, chunk, tally.New, tally.Unchanged, tally.Refused, tally.Failed);
    }

    [DisplayName("prune saved copies")]
    [AutomaticRetry(Attempts = 1)]
    public async Task PruneAsync(CancellationToken ct) => LogPruned(logger, await copies.PruneAsync(ct));

    [LoggerMessage(LogLevel.Information, "Saved copies of run {RunId}, chunk {Chunk}: {New} new, {Unchanged} " +
        "unchanged, {Refused} refused, {Failed} not fetched")]
    private static partial void LogSaved(ILogger logger, long runId, int chunk, int @new, int unchanged, int refused,
        int failed);

    [LoggerMessage(LogLevel.Information, "Pruned {Versions} saved copy versions beyond SavedCopies:VersionsKept")]
    private static partial void LogPruned(ILogger logger, int versions);
}
