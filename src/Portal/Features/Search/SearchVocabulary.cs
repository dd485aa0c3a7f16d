using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// Keeps the typo-correction vocabulary (the search_words view) current after editors' changes,
/// in the background. Rebuilding it reads every entry, so it is kept out of the saves: an editor's
/// save does not wait for it, and a burst of edits costs one rebuild, a couple of seconds later,
/// concurrently with searches. Imports rebuild it in their own transaction
/// (<see cref="ContentRevision.RecordChangeAsync"/>).
/// </summary>
public sealed partial class SearchVocabulary(IDbContextFactory<PortalDbContext> databases,
    ILogger<SearchVocabulary> logger) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _requested = new(0, 1);

    /// <summary>Asks for a rebuild soon; any number of requests before it starts make one rebuild.</summary>
    public void Request()
    {
        try { _requested.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _requested.WaitAsync(stoppingToken);
            await Task.Delay(Debounce, stoppingToken);
            try
            {
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("refresh materialized view concurrently search_words",
                    stoppingToken);
                // Search pages cached in between were corrected against the old words: they go too.
                await ContentRevision.BumpAsync(db, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: try again on the next round.
                LogFailed(logger, e.GetBaseException().Message);
                Request();
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the search vocabulary failed; retrying: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
