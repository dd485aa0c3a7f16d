using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Registry;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// Brings Hangfire up once PostgreSQL answers: installs or upgrades its schema, then, in a process
/// that runs jobs, puts the recurring jobs every feature registered (<see cref="IRecurringJobs"/>) on the schedule,
/// in LinkHealth:TimeZone, and starts the server. Hangfire's own
/// hosted service and schema preparation open the database while the host starts: with PostgreSQL
/// down (a restart, a slow container) the process would hang or fail. Here it starts, reports
/// not-ready on /healthz/ready, and retries (the job-server-start pipeline).
/// </summary>
public sealed partial class JobServer(
    IServiceProvider services, IOptions<LinkHealthOptions> options, IOptions<DatabaseOptions> database,
    JobStorageReadiness readiness, ProcessRole role, ResiliencePipelineProvider<string> pipelines,
    ILogger<JobServer> logger) : BackgroundService
{
    /// <summary>The Polly pipeline that retries bringing the job server up until PostgreSQL answers.</summary>
    public const string StartPipeline = "job-server-start";

    /// <summary>Any failure on the way up is retried: 1 s, doubling, at most 10 s apart.</summary>
    public static IServiceCollection AddStartPipeline(IServiceCollection services) =>
        services.AddRetryUntilStopped<JobServer>(StartPipeline, DelayBackoffType.Exponential,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), _ => true,
            (logger, delay, e) => LogWaiting(logger, delay.TotalSeconds, e.GetBaseException().Message));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: Hangfire's storage blocks while it connects, and the host (and its
        // /healthz endpoints) must come up meanwhile.
        await Task.Yield();
        var server = await pipelines.GetPipeline(StartPipeline).ExecuteAsync(StartServerAsync, stoppingToken);
        if (server is null) return;

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

    /// <summary>Schema, readiness, schedule and server; null in a process that runs no jobs.</summary>
    private async ValueTask<BackgroundJobServer?> StartServerAsync(CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(database.Value.ConnectionString))
        {
            await connection.OpenAsync(ct);
            // Idempotent, under an advisory lock: any number of instances may start at once.
            PostgreSqlObjectsInstaller.Install(connection, LinkHealthSetup.JobSchema);
        }
        readiness.MarkReady();
        if (!role.RunsJobs()) return null;
        var storage = services.GetRequiredService<JobStorage>();
        Schedule(services.GetRequiredService<IRecurringJobManager>());
        var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
            WorkerCount = JobWorkers.Count,
            Activator = services.GetRequiredService<JobActivator>(),
            FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
        }, storage);
        LogStarted(logger);
        return server;
    }

    private void Schedule(IRecurringJobManager recurring)
    {
        var schedule = new RecurringJobOptions { TimeZone = options.Value.FindTimeZone() };
        foreach (var jobs in services.GetServices<IRecurringJobs>()) jobs.Schedule(recurring, schedule);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Job server waiting for PostgreSQL; retrying in {Seconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, double seconds, string reason);
}
