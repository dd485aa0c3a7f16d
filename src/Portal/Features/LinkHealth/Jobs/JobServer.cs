using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// Brings Hangfire up once PostgreSQL answers: installs or upgrades its schema, then, in a process
/// that runs jobs, registers the recurring jobs (the nightly check at LinkHealth:Cron in
/// LinkHealth:TimeZone, the history prune an hour before, the hourly sweep of expired sign-in sessions) and starts
/// the server. Hangfire's own
/// hosted service and schema preparation open the database while the host starts: with PostgreSQL
/// down (a restart, a slow container) the process would hang or fail. Here it starts, reports
/// not-ready on /healthz/ready, and retries with back-off.
/// </summary>
public sealed partial class JobServer(
    IServiceProvider services, IOptions<LinkHealthOptions> options, IOptions<DatabaseOptions> database,
    JobStorageReadiness readiness, ProcessRole role, ILogger<JobServer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: Hangfire's storage blocks while it connects, and the host (and its
        // /healthz endpoints) must come up meanwhile.
        await Task.Yield();
        var delay = TimeSpan.FromSeconds(1);
        BackgroundJobServer? server = null;
        while (server is null)
        {
            try
            {
                await using (var connection = new NpgsqlConnection(database.Value.ConnectionString))
                {
                    await connection.OpenAsync(stoppingToken);
                    // Idempotent, under an advisory lock: any number of instances may start at once.
                    PostgreSqlObjectsInstaller.Install(connection, LinkHealthSetup.JobSchema);
                }
                readiness.MarkReady();
                if (!role.RunsJobs()) return;
                var storage = services.GetRequiredService<JobStorage>();
                Schedule(services.GetRequiredService<IRecurringJobManager>());
                server = new BackgroundJobServer(new BackgroundJobServerOptions
                {
                    ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
                    WorkerCount = Math.Max(4, Environment.ProcessorCount * 2),
                    Activator = services.GetRequiredService<JobActivator>(),
                    FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
                }, storage);
                LogStarted(logger);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWaiting(logger, delay.TotalSeconds, e.GetBaseException().Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: running chunks are cancelled and their jobs go back to the queue for the next server.
        }
        server.SendStop();
        server.Dispose();
    }

    private void Schedule(IRecurringJobManager recurring)
    {
        var settings = options.Value;
        var schedule = new RecurringJobOptions { TimeZone = settings.FindTimeZone() };
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.NightlyJobId,
            j => j.StartNightlyAsync(CancellationToken.None), settings.Cron, schedule);
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.PruneJobId,
            j => j.PruneHistoryAsync(CancellationToken.None), "0 1 * * *", schedule);
        recurring.AddOrUpdate<SavedCopies.SavedCopyJobs>(SavedCopies.SavedCopyJobs.PruneJobId,
            j => j.PruneAsync(CancellationToken.None), "30 1 * * *", schedule);
        recurring.AddOrUpdate<Accounts.Sessions.SessionCleanupJob>(Accounts.Sessions.SessionCleanupJob.JobId,
            j => j.RemoveExpiredAsync(CancellationToken.None), Accounts.Sessions.SessionCleanupJob.Cron, schedule);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Job server waiting for PostgreSQL; retrying in {Seconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, double seconds, string reason);
}
