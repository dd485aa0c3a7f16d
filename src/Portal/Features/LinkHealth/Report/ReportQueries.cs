using System.Globalization;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>Reads the report: latest state per link of the list as it stands, the last runs, the trend.</summary>
public sealed class ReportQueries(IDbContextFactory<PortalDbContext> databases, IOptions<LinkHealthOptions> options, TimeProvider time)
{
    public const int TrendRuns = 30;

    /// <summary>Per host, over the links the list has now: counted in the database, not by reading every link.</summary>
    public async Task<List<HostSummary>> HostsAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await HostsAsync(db, ct);
    }

    private static Task<List<HostSummary>> HostsAsync(PortalDbContext db, CancellationToken ct)
    {
        var live = db.Links.Select(l => l.NormalizedUrl);
        return db.LinkStates.AsNoTracking().Where(s => live.Contains(s.NormalizedUrl)).GroupBy(s => s.Host)
            .Select(g => new HostSummary(
                g.Key, g.Count(), g.Average(s => (double)s.ElapsedMs), g.Max(s => s.ElapsedMs),
                g.Count(s => s.Outcome == LinkOutcome.Blocked && s.Status != 429), g.Count(s => s.Status == 429),
                g.Count(s => s.Outcome == LinkOutcome.ServerError), g.Count(s => s.Outcome == LinkOutcome.Timeout),
                g.Count(s => s.Outcome == LinkOutcome.Broken)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// An archived repository's last push, from its latest result (the checker stores it as the page's
    /// published time, and the link's state keeps no such column).
    /// </summary>
    private static async Task<List<ReportLink>> WithLastPushAsync(
        PortalDbContext db, List<ReportLink> links, CancellationToken ct)
    {
        var archived = links.Where(l => l.Outcome == LinkOutcome.Archived).Select(l => l.NormalizedUrl)
            .Distinct().ToList();
        if (archived.Count == 0) return links;
        var pushes = await (
            from s in db.LinkStates.AsNoTracking()
            join c in db.CheckResults.AsNoTracking()
                on new { s.NormalizedUrl, RunId = s.LastRunId } equals new { c.NormalizedUrl, c.RunId }
            where archived.Contains(s.NormalizedUrl) && c.PublishedTime != null
            select new { s.NormalizedUrl, c.PublishedTime })
            .ToDictionaryAsync(p => p.NormalizedUrl, p => p.PublishedTime, ct);
        return links.Select(l => pushes.TryGetValue(l.NormalizedUrl, out var pushed) &&
            DateTimeOffset.TryParse(pushed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? l with { LastPush = DateOnly.FromDateTime(at.UtcDateTime) }
                : l).ToList();
    }

    public async Task<HealthReport> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var threshold = options.Value.FailuresBeforeBroken;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var rows = await (
            from l in db.Links.AsNoTracking()
            join s in db.LinkStates.AsNoTracking() on l.NormalizedUrl equals s.NormalizedUrl
            orderby l.Entry.Section.Position, l.Entry.Position, l.Position
            select new
            {
                l.EntryId, SectionSlug = l.Entry.Section.Slug, SectionTitle = l.Entry.Section.Title, EntryTitle = l.Entry.Title,
                l.Role, l.Url, State = s,
            }).ToListAsync(ct);
        var links = rows.Select(r => new ReportLink(
            r.EntryId, r.SectionSlug, r.SectionTitle, r.EntryTitle, r.Role == LinkRole.Primary, r.Url, r.State.NormalizedUrl, r.State.Host,
            r.State.Outcome, r.State.Status, r.State.FinalUrl, r.State.Downgraded, r.State.ElapsedMs, r.State.Error, r.State.FetchedTitle,
            r.State.ContentType, r.State.LastCheckedAt, r.State.ConsecutiveFailures, LinkStateTransition.IsBroken(r.State, threshold),
            r.State.BrokenSinceRunId, r.State.BrokenSince, r.State.ArchiveUrl, r.State.AcceptedReason, r.State.AcceptedUntil,
            r.State.AcceptedBy, r.State.AcceptedUntil is { } until && until >= today)).ToList();
        links = await WithLastPushAsync(db, links, ct);

        var distinct = links.DistinctBy(l => l.NormalizedUrl).ToList();
        var counts = distinct.GroupBy(l => l.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var hosts = await HostsAsync(db, ct);

        var runs = await db.CheckRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(TrendRuns + 5)
            .Select(r => new { Run = r, Done = db.CheckResults.Count(c => c.RunId == r.Id) }).ToListAsync(ct);
        var summaries = runs.Select(r => new RunSummary(r.Run.Id, r.Run.Trigger.ToString(), r.Run.Scope, r.Run.StartedAt, r.Run.FinishedAt,
            r.Run.UrlCount, r.Done, r.Run.NewlyBroken)).ToList();
        var finished = summaries.Where(r => r.FinishedAt is not null).ToList();
        var trendRuns = finished.Where(r => r.Scope == "list").Take(TrendRuns).Select(r => r.Id).ToList();
        var trendCounts = await db.CheckResults.AsNoTracking().Where(c => trendRuns.Contains(c.RunId))
            .GroupBy(c => new { c.RunId, c.Outcome }).Select(g => new { g.Key.RunId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var trend = finished.Where(r => trendRuns.Contains(r.Id)).OrderBy(r => r.StartedAt).Select(r => new TrendPoint(r.Id, r.StartedAt,
            trendCounts.Where(c => c.RunId == r.Id).ToDictionary(c => c.Outcome, c => c.Count))).ToList();

        return new HealthReport(
            // "Newly broken" compares whole-list runs; a one-entry check would make it meaningless.
            finished.FirstOrDefault(r => r.Scope == "list") ?? finished.FirstOrDefault(),
            summaries.Where(r => r.FinishedAt is null).ToList(),
            distinct.Count,
            counts,
            distinct.Count(l => l.IsBroken && !l.IsAccepted),
            distinct.Count(l => LinkStateTransition.IsFailure(l.Outcome) && !l.IsBroken),
            links,
            trend,
            hosts,
            threshold);
    }
}
