using System.Diagnostics.Metrics;

namespace ContainerNetLib.Domain.Telemetry;

/// <summary>
/// The portal's own measurements, on one meter the portal exports to Prometheus at /metrics (next to
/// ASP.NET Core's request durations): link checks by outcome, job durations, imports and the entries they changed.
/// A static meter, like the framework's: recording costs nothing when nobody listens.
/// </summary>
public static class PortalMetrics
{
    public const string MeterName = "ContainerNetLib";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> LinkChecks =
        Meter.CreateCounter<long>("cnl.link_checks", "{check}", "Links checked by the link-health runs, by outcome");

    private static readonly Counter<long> Runs =
        Meter.CreateCounter<long>("cnl.link_check_runs", "{run}", "Finished link-health runs, by verdict");

    private static readonly Counter<long> Imports =
        Meter.CreateCounter<long>("cnl.imports", "{import}",
            "Imports of a reading list, by result (applied, dry_run, failed)");

    private static readonly Counter<long> ImportedEntries =
        Meter.CreateCounter<long>("cnl.import.entries", "{entry}", "Entries an import added, changed or removed");

    private static readonly Counter<long> Suggestions =
        Meter.CreateCounter<long>("cnl.suggestions", "{suggestion}",
            "Members' suggestions, by outcome (queued, name_added, in_the_list, refused, accepted, declined)");

    private static readonly Histogram<double> JobDurations =
        Meter.CreateHistogram<double>("cnl.job.duration", "s", "How long background jobs ran, by job and result");

    public static void JobRan(string job, bool succeeded, TimeSpan duration) =>
        JobDurations.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("job", job),
                new KeyValuePair<string, object?>("result", succeeded ? "succeeded" : "failed"));

    public static void LinkChecked(string outcome) =>
        LinkChecks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Suggestion(string outcome) =>
        Suggestions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void RunFinished(string verdict) =>
        Runs.Add(1, new KeyValuePair<string, object?>("verdict", verdict));

    public static void Imported(string result, int added = 0, int changed = 0, int removed = 0)
    {
        Imports.Add(1, new KeyValuePair<string, object?>("result", result));
        if (added > 0) ImportedEntries.Add(added, new KeyValuePair<string, object?>("change", "added"));
        if (changed > 0) ImportedEntries.Add(changed, new KeyValuePair<string, object?>("change", "changed"));
        if (removed > 0) ImportedEntries.Add(removed, new KeyValuePair<string, object?>("change", "removed"));
    }
}
