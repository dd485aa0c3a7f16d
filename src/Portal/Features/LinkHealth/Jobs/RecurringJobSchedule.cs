using Hangfire;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// Registers the recurring jobs when a process that runs jobs starts: the nightly check at
/// LinkHealth:Cron in LinkHealth:TimeZone, and the history prune an hour before it.
/// </summary>
public sealed class RecurringJobSchedule(IRecurringJobManager recurring, IOptions<LinkHealthOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var schedule = new RecurringJobOptions { TimeZone = settings.FindTimeZone() };
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.NightlyJobId, j => j.StartNightlyAsync(CancellationToken.None), settings.Cron, schedule);
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.PruneJobId, j => j.PruneHistoryAsync(CancellationToken.None), "0 1 * * *", schedule);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
