using System.Diagnostics;
using System.Diagnostics.Metrics;
using ContainerNetLib.Domain.Telemetry;
using Hangfire.Server;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>Times every Hangfire job this process performs, by job and result, for /metrics.</summary>
public sealed class JobDurationFilter : IServerFilter
{
    private const string StartedKey = "cnl.started";
    private static readonly Meter Meter = new(PortalMetrics.MeterName);
    private static readonly Histogram<double> Durations =
        Meter.CreateHistogram<double>("cnl.job.duration", "s", "How long background jobs ran, by job and result");

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            Durations.Record(Stopwatch.GetElapsedTime(timestamp).TotalSeconds,
                new KeyValuePair<string, object?>("job", context.BackgroundJob.Job.Method.Name),
                new KeyValuePair<string, object?>("result", context.Exception is null || context.ExceptionHandled ? "succeeded" : "failed"));
        }
    }
}
