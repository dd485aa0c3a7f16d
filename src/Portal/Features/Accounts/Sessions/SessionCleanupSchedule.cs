using ContainerNetLib.Portal.Infrastructure;
using Hangfire;

namespace ContainerNetLib.Portal.Features.Accounts.Sessions;

/// <summary>The hourly sweep of expired sign-in sessions (<see cref="SessionCleanupJob"/>).</summary>
public sealed class SessionCleanupSchedule : IRecurringJobs
{
    public void Schedule(IRecurringJobManager recurring, RecurringJobOptions schedule) =>
        recurring.AddOrUpdate<SessionCleanupJob>(SessionCleanupJob.JobId,
            j => j.RemoveExpiredAsync(CancellationToken.None), SessionCleanupJob.Cron, schedule);

}
