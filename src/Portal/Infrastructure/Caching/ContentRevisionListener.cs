using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Listens for the database's content_changed notifications (sent by the importer and by editors in
/// the transaction that changes content) and drops this instance's cached reader pages at once.
/// Reconnects with back-off; after a reconnect it re-reads the revision, since notifications sent
/// while it was away are lost, and drops the cached pages only if the revision moved.
/// </summary>
public sealed partial class ContentRevisionListener(
    IOptions<DatabaseOptions> options,
    ContentVersion version,
    IOutputCacheStore cache,
    ILogger<ContentRevisionListener> logger) : BackgroundService
{
    public const string CacheTag = "content";
    private const double MaxReconnectDelaySeconds = 4;

    /// <summary>
    /// Reads the revision before the server takes requests: a page rendered before it is known
    /// would carry no ETag, and be cached without one until the next change. Bounded, so a
    /// database that is down does not keep the portal from starting (the loop keeps trying).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await ReadRevisionAsync(connection, timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or
            OperationCanceledException or InvalidOperationException)
        {
            LogDisconnected(logger, 0, e.Message);
        }
        await base.StartAsync(cancellationToken);
    }

    private async Task ReadRevisionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("select coalesce(max(revision), 0) from reading_lists", connection);
        await OnChangedAsync((long)(await read.ExecuteScalarAsync(ct))!);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                    _ = OnChangedAsync(long.TryParse(e.Payload, out var r) ? r : version.Current + 1);
                await using (var listen = new NpgsqlCommand($"listen {ContentRevision.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await ReadRevisionAsync(connection, stoppingToken);
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or
                InvalidOperationException)
            {
                LogDisconnected(logger, delay.TotalSeconds, e.Message);
                // Cached pages are kept: while the database is down they are all readers can get, and no one can
                // change the content then. A change made while this listener was away shows in the revision it
                // reads on reconnecting, which drops them; the short ceiling on the back-off bounds that wait.
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                delay = TimeSpan.FromSeconds(Math.Min(MaxReconnectDelaySeconds, delay.TotalSeconds * 2));
            }
        }
    }

    private async Task OnChangedAsync(long revision)
    {
        if (!version.Advance(revision)) return;
        await cache.EvictByTagAsync(CacheTag, CancellationToken.None);
        LogChanged(logger, revision);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content revision {Revision}: cached reader pages dropped")]
    private static partial void LogChanged(ILogger logger, long revision);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Content change notifications interrupted; retrying in {Seconds} s: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, double seconds, string reason);
}
