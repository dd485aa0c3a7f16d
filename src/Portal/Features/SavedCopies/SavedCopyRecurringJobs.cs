using ContainerNetLib.Portal.Infrastructure;
using Hangfire;

namespace ContainerNetLib.Portal.Features.SavedCopies;

/// <summary>The nightly prune of saved copies past SavedCopies:VersionsKept, after the history's.</summary>
public sealed class SavedCopyRecurringJobs : IRecurringJobs
{
    public void Schedule(IRecurringJobManager recurring, RecurringJobOptions schedule) =>
        recurring.AddOrUpdate<SavedCopyJobs>(SavedCopyJobs.PruneJobId,
            j => j.PruneAsync(CancellationToken.None), "30 1 * * *", schedule);
}
