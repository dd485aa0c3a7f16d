using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Registry;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// Keeps the typo-correction vocabulary (the search_words view) current after editors' changes,
/// in the background. Rebuilding it reads every entry, so it is kept out of the saves: an editor's
/// save does not wait for it, and a burst of edits costs one rebuild, a couple of seconds later,
/// concurrently with searches. Imports rebuild it in their own transaction
/// (<see cref="ContentRevision.RecordChangeAsync"/>).
/// </summary>
public sealed partial class SearchVocabulary(IDbContextFactory<PortalDbContext> databases,
    ResiliencePipelineProvider<string> pipelines) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    /// <summary>The Polly pipeline that retries a failed rebuild (the database may be restarting) every 10 s.</summary>
    public const string RebuildPipeline = "search-vocabulary-rebuild";

    public static IServiceCollection AddRebuildPipeline(IServiceCollection services) =>
        services.AddRetryUntilStopped<SearchVocabulary>(RebuildPipeline, DelayBackoffType.Constant,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), _ => true,
            (logger, _, e) => LogFailed(logger, e.GetBaseException().Message));

    private readonly SemaphoreSlim _requested = new(0, 1);

    /// <summary>Asks for a rebuild soon; any number of requests before it starts make one rebuild.</summary>
    public void Request()
    {
        try { _requested.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rebuild = pipelines.GetPipeline(RebuildPipeline);
        while (!stoppingToken.IsCancellationRequested)
        {
            await _requested.WaitAsync(stoppingToken);
            await Task.Delay(Debounce, stoppingToken);
            await rebuild.ExecuteAsync(RebuildAsync, stoppingToken);
        }
    }

    private async ValueTask RebuildAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("refresh materialized view concurrently search_words", ct);
        // Search pages cached in between were corrected against the old words: they go too.
        await ContentRevision.BumpAsync(db, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the search vocabulary failed; retrying: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
