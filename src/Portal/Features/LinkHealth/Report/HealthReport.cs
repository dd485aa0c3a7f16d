using System.Text.Json.Serialization;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>
/// Everything the morning report shows, read once per page view or download. Its numbers are the last run's,
/// counted once when that run finished (<see cref="RunSummary.Counts"/>); the outcome table is that run's results.
/// </summary>
public sealed record HealthReport(
    RunSummary? LastRun,
    IReadOnlyList<RunSummary> ActiveRuns,
    IReadOnlyDictionary<LinkOutcome, int> LastRunOutcomes,
    IReadOnlyList<UnreachableEndpoint> LastRunUnreachable,
    IReadOnlyList<ReportLink> Links,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<HostSummary> Hosts,
    int FailuresBeforeBroken)
{
    /// <summary>Exclusion rules from configuration and from editors, expired ones included (marked so).</summary>
    public IReadOnlyList<ExclusionView> Exclusions { get; init; } = [];

    public IEnumerable<ReportLink> BrokenLinks => Links.Where(l => l.CountsAsBroken);
    public IEnumerable<ReportLink> Excluded => Links.Where(l => l.ExcludedBy is not null);
    public IEnumerable<ReportLink> NewlyBroken => BrokenLinks.Where(l => LastRun is { } run
        && l.BrokenSinceRunId == run.Id);
    public IEnumerable<ReportLink> Redirects => Links.Where(l => l.Outcome == LinkOutcome.Redirected && !l.IsAccepted
        && l.FinalUrl is not null);
    /// <summary>Endpoints the last run could not reach at all: their broken links are told once per endpoint.
    /// </summary>
    public IReadOnlySet<string> UnreachableEndpoints => _unreachableEndpoints ??=
        LastRunUnreachable.Select(h => h.Endpoint).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IReadOnlySet<string>? _unreachableEndpoints;

    public bool IsToldByHost(ReportLink link) =>
        link.Outcome.IsNetworkLevel() && UnreachableEndpoints.Contains(UnreachableHosts.EndpointOf(link.Url));

    /// <summary>Repositories their owners archived: they still open, but get no more changes. Not failures.</summary>
    public IEnumerable<ReportLink> ArchivedRepositories =>
        Links.Where(l => l.Outcome == LinkOutcome.Archived && !l.IsAccepted);
    public IEnumerable<ReportLink> Accepted => Links.Where(l => l.IsAccepted);
    public IEnumerable<ReportLink> TitleDifferences => Links.Where(l => l.TitleDiffers);
    public IEnumerable<HostSummary> SlowestHosts =>
        Hosts.Where(h => h.Checked > 0).OrderByDescending(h => h.AverageMs).Take(10);

    /// <summary>Hosts that blocked, throttled, failed or timed out, worst first.</summary>
    public static IEnumerable<HostSummary> Unfriendly(IEnumerable<HostSummary> hosts) =>
        hosts.Where(h => h.Blocked + h.Throttled + h.ServerErrors + h.Timeouts > 0)
            .OrderByDescending(h => h.Blocked + h.Throttled + h.ServerErrors + h.Timeouts);
}

public sealed record RunSummary(
    long Id, string Trigger, string Scope, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int UrlCount, int Done,
    int NewlyBroken, RunVerdictKind? Verdict, string? VerdictReason, RunCounts Counts)
{
    public bool IsInconclusive => Verdict == RunVerdictKind.Inconclusive;
}

/// <summary>An endpoint (host and port, <see cref="UnreachableHosts.EndpointOf"/>) the last run could not reach at
/// all: its links in one line instead of one row each. The JSON export keeps calling it <c>host</c>.</summary>
public sealed record UnreachableEndpoint([property: JsonPropertyName("host")] string Endpoint, LinkOutcome Outcome,
    int Links, int NotDialled);

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
    LinkOutcome? LastRunOutcome,
    string? LastRunError,
    DateOnly? LastPush = null)
{
    /// <summary>The text of the rule in force that excludes this link ("host example.org — reason"), if
    /// any.</summary>
    public string? ExcludedBy { get; init; }

    /// <summary>Broken, and neither accepted by an editor nor excluded by a rule.</summary>
    public bool CountsAsBroken => IsBroken && !IsAccepted && ExcludedBy is null;

    /// <summary>The page calls itself something else than the list does (ignoring case and spacing).</summary>
    public bool TitleDiffers => IsTitleLink && FetchedTitle is { Length: > 0 } fetched && EntryTitle is not null &&
        !string.Equals(Squash(fetched), Squash(EntryTitle), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed record TrendPoint(long RunId, DateTimeOffset StartedAt, IReadOnlyDictionary<LinkOutcome, int> Counts,
    bool Inconclusive);

public sealed record HostSummary(string Host, int Checked, double AverageMs, long SlowestMs, int Blocked,
    int Throttled, int ServerErrors, int Timeouts, int Broken);
