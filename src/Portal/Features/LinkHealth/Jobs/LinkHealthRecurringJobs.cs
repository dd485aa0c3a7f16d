using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>The nightly check at LinkHealth:Cron, and the prune of old runs' history an hour after midnight.</summary>
public sealed class LinkHealthRecurringJobs(IOptions<LinkHealthOptions> options) : IRecurringJobs
{
    public void Schedule(IRecurringJobManager recurring, RecurringJobOptions schedule)
    {
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.NightlyJobId,
            j => j.StartNightlyAsync(CancellationToken.None), options.Value.Cron, schedule);
        recurring.AddOrUpdate<LinkCheckJobs>(LinkCheckJobs.PruneJobId,
            j => j.PruneHistoryAsync(CancellationToken.None), "0 1 * * *", schedule);
    }
}
