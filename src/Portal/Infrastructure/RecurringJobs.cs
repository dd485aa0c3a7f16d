using Hangfire;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// A feature's recurring jobs, registered by the feature itself (<c>AddRecurringJobs</c>) and put on Hangfire's
/// schedule by the job server when it starts in a process that runs jobs. So a feature's job is scheduled wherever
/// the feature is, and the job server knows no feature's jobs.
/// </summary>
public interface IRecurringJobs
{
    /// <param name="schedule">The time zone every schedule is read in (LinkHealth:TimeZone).</param>
    void Schedule(IRecurringJobManager recurring, RecurringJobOptions schedule);
}

public static class RecurringJobsSetup
{
    public static IServiceCollection AddRecurringJobs<T>(this IServiceCollection services)
        where T : class, IRecurringJobs
    {
        services.AddSingleton<IRecurringJobs, T>();
        return services;
    }
}
