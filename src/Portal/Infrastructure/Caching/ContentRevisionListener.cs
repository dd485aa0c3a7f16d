using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Registry;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Listens for the database's content_changed notifications (sent by the importer and by editors in
/// the transaction that changes content) and drops this instance's cached reader pages at once.
/// Reconnects through the content-revision-listener pipeline; after a reconnect it re-reads the revision, since
/// notifications sent while it was away are lost, and drops the cached pages only if the revision moved.
/// </summary>
public sealed partial class ContentRevisionListener(
    IOptions<DatabaseOptions> options,
    CurrentRevision contentRevision,
    IOutputCacheStore cache,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<ContentRevisionListener> logger) : BackgroundService
{
    public const string CacheTag = "content";

    /// <summary>The Polly pipeline that retries connecting and listening until the database answers.</summary>
    public const string ReconnectPipeline = "content-revision-listener";

    /// <summary>
    /// A lost connection is retried 1 s, doubling, at most 4 s apart. Cached pages are kept meanwhile: while the
    /// database is down they are all readers can get, and no one can change the content then. A change made while
    /// the listener was away shows in the revision it reads on reconnecting, which drops them; the short ceiling
    /// on the wait bounds how long such pages outlive the change.
    /// </summary>
    public static IServiceCollection AddReconnectPipeline(IServiceCollection services) =>
        services.AddRetryUntilStopped<ContentRevisionListener>(ReconnectPipeline, DelayBackoffType.Exponential,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), IsDisconnect,
            (logger, delay, e) => LogDisconnected(logger, delay.TotalSeconds, e.Message));

    private static bool IsDisconnect(Exception e) =>
        e is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException;

    /// <summary>
    /// Reads the revision before the server takes requests: a page rendered before it is known
    /// would carry no ETag, and be cached without one until the next change. Bounded, so a
    /// database that is down does not keep the portal from starting (the listener keeps trying).
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
        catch (Exception e) when (IsDisconnect(e) || e is OperationCanceledException)
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
        var reconnect = pipelines.GetPipeline(ReconnectPipeline);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await reconnect.ExecuteAsync(ListenAsync, stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsDisconnect(e))
            {
                // Connected, then lost: connect again at once, then through the pipeline's back-off.
                LogDisconnected(logger, 0, e.Message);
            }
        }
    }

    /// <summary>An open connection listening on the channel, with the revision read after listening began.</summary>
    private async ValueTask<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            connection.Notification += (_, e) =>
                _ = OnChangedAsync(long.TryParse(e.Payload, out var r) ? r : contentRevision.Current + 1);
            await using (var listen = new NpgsqlCommand($"listen {ContentRevision.Channel}", connection))
                await listen.ExecuteNonQueryAsync(ct);
            await ReadRevisionAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task OnChangedAsync(long revision)
    {
        if (!contentRevision.Advance(revision)) return;
        await cache.EvictByTagAsync(CacheTag, CancellationToken.None);
        LogChanged(logger, revision);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content revision {Revision}: cached reader pages dropped")]
    private static partial void LogChanged(ILogger logger, long revision);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Content change notifications interrupted; retrying in {Seconds} s: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, double seconds, string reason);
}
