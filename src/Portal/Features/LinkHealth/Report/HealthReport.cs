using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>Everything the morning report shows, read once per page view or download.</summary>
public sealed record HealthReport(
    RunSummary? LastRun,
    IReadOnlyList<RunSummary> ActiveRuns,
    int CheckedUrls,
    IReadOnlyDictionary<LinkOutcome, int> Counts,
    int Broken,
    int Watching,
    IReadOnlyList<ReportLink> Links,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<HostSummary> Hosts,
    int FailuresBeforeBroken)
{
    public IEnumerable<ReportLink> BrokenLinks => Links.Where(l => l.IsBroken && !l.IsAccepted);
    public IEnumerable<ReportLink> NewlyBroken => BrokenLinks.Where(l => LastRun is { } run && l.BrokenSinceRunId == run.Id);
    public IEnumerable<ReportLink> Redirects => Links.Where(l => l.Outcome == LinkOutcome.Redirected && !l.IsAccepted && l.FinalUrl is not null);
    /// <summary>Repositories their owners archived: they still open, but get no more changes. Not failures.</summary>
    public IEnumerable<ReportLink> ArchivedRepositories =>
        Links.Where(l => l.Outcome == LinkOutcome.Archived && !l.IsAccepted);
    public IEnumerable<ReportLink> Accepted => Links.Where(l => l.IsAccepted);
    public IEnumerable<ReportLink> TitleDifferences => Links.Where(l => l.TitleDiffers);
    public IEnumerable<HostSummary> SlowestHosts => Hosts.Where(h => h.Checked > 0).OrderByDescending(h => h.AverageMs).Take(10);
    public IEnumerable<HostSummary> UnfriendlyHosts => Unfriendly(Hosts);

    /// <summary>Hosts that blocked, throttled, failed or timed out, worst first.</summary>
    public static IEnumerable<HostSummary> Unfriendly(IEnumerable<HostSummary> hosts) =>
        hosts.Where(h => h.Blocked + h.Throttled + h.ServerErrors + h.Timeouts > 0)
            .OrderByDescending(h => h.Blocked + h.Throttled + h.ServerErrors + h.Timeouts);
}

public sealed record RunSummary(long Id, string Trigger, string Scope, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int UrlCount, int Done, int NewlyBroken);

/// <summary>One link of one entry, with its latest check.</summary>
public sealed record ReportLink(
    long EntryId,
    string SectionSlug,
    string SectionTitle,
    string? EntryTitle,
    bool IsTitleLink,
    string Url,
    string NormalizedUrl,
    string Host,
    LinkOutcome Outcome,
    int? Status,
    string? FinalUrl,
    bool Downgraded,
    long ElapsedMs,
    string? Error,
    string? FetchedTitle,
    string? ContentType,
    DateTimeOffset CheckedAt,
    int ConsecutiveFailures,
    bool IsBroken,
    long? BrokenSinceRunId,
    DateTimeOffset? BrokenSince,
    string? ArchiveUrl,
    string? AcceptedReason,
    DateOnly? AcceptedUntil,
    string? AcceptedBy,
    bool IsAccepted,
    DateOnly? LastPush = null)
{
    /// <summary>The page calls itself something else than the list does (ignoring case and spacing).</summary>
    public bool TitleDiffers => IsTitleLink && FetchedTitle is { Length: > 0 } fetched && EntryTitle is not null &&
        !string.Equals(Squash(fetched), Squash(EntryTitle), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed record TrendPoint(long RunId, DateTimeOffset StartedAt, IReadOnlyDictionary<LinkOutcome, int> Counts);

public sealed record HostSummary(string Host, int Checked, double AverageMs, long SlowestMs, int Blocked, int Throttled, int ServerErrors, int Timeouts, int Broken);
