using System.Diagnostics;
using ContainerNetLib.Domain.Telemetry;
using Hangfire.Server;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>Times every Hangfire job this process performs, by job and result, for /metrics.</summary>
public sealed class JobDurationFilter : IServerFilter
{
    private const string StartedKey = "cnl.started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
            PortalMetrics.JobRan(context.BackgroundJob.Job.Method.Name,
                context.Exception is null || context.ExceptionHandled, Stopwatch.GetElapsedTime(timestamp));
    }
}
