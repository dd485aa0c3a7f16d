using System.Globalization;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>Reads the report: latest state per link of the list as it stands, the last runs, the trend.</summary>
public sealed class ReportQueries(
    Infrastructure.Database.RetryingDatabase databases,
    IOptions<LinkHealthOptions> options,
    TimeProvider time,
    ExclusionRules exclusions)
{
    public const int TrendRuns = 30;

    /// <summary>Per host, over the links the list has now: counted in the database, not by reading every
    /// link.</summary>
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

        var runs = await db.CheckRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(TrendRuns + 5)
            .Select(r => new { Run = r, Done = db.CheckResults.Count(c => c.RunId == r.Id) }).ToListAsync(ct);
        var summaries = runs.Select(r => new RunSummary(r.Run.Id, r.Run.Trigger.ToString(), r.Run.Scope,
            r.Run.StartedAt,
            r.Run.FinishedAt, r.Run.UrlCount, r.Done, r.Run.NewlyBroken, r.Run.Verdict, r.Run.VerdictReason,
                r.Run.Counts)).ToList();
        var finished = summaries.Where(r => r.FinishedAt is not null).ToList();
        // "Newly broken" compares whole-list runs; a one-entry check would make it meaningless.
        var lastRun = finished.FirstOrDefault(r => r.Scope == "list") ?? finished.FirstOrDefault();
        var lastResults = lastRun is null ? [] : await db.CheckResults.AsNoTracking().Where(c => c.RunId == lastRun.Id)
            .Select(c => new LastResult(c.NormalizedUrl, c.Url, c.Outcome, c.Error, c.HostSkipped,
                c.CheckedAt)).ToListAsync(ct);
        var byUrl = lastResults.ToDictionary(r => r.NormalizedUrl, StringComparer.Ordinal);

        var rows = await (
            from l in db.Links.AsNoTracking()
            join s in db.LinkStates.AsNoTracking() on l.NormalizedUrl equals s.NormalizedUrl into states
            from s in states.DefaultIfEmpty()
            orderby l.Entry.Section.Position, l.Entry.Position, l.Position
            select new
            {
                l.EntryId, SectionSlug = l.Entry.Section.Slug, SectionTitle = l.Entry.Section.Title,
                EntryTitle = l.Entry.Title,
                l.Role, l.Url, l.NormalizedUrl, State = s,
            }).ToListAsync(ct);
        var links = rows
            .Where(r => r.State is not null || byUrl.ContainsKey(r.NormalizedUrl))
            .Select(r => Link(r.EntryId, r.SectionSlug, r.SectionTitle, r.EntryTitle, r.Role == LinkRole.Primary, r.Url,
                r.State ?? Unchecked(byUrl[r.NormalizedUrl]), byUrl.GetValueOrDefault(r.NormalizedUrl), threshold,
                    today))
            .ToList();
        var rules = await exclusions.LoadAsync(db, ct);
        links = links.Select(l => rules.Match(l.NormalizedUrl) is { } rule ? l with { ExcludedBy = rule.Text } : l)
            .ToList();
        links = await WithLastPushAsync(db, links, ct);

        var trendRuns = finished.Where(r => r.Scope == "list").Take(TrendRuns).Select(r => r.Id).ToList();
        var trendCounts = await db.CheckResults.AsNoTracking().Where(c => trendRuns.Contains(c.RunId))
            .GroupBy(c => new { c.RunId, c.Outcome }).Select(g => new { g.Key.RunId, g.Key.Outcome,
                Count = g.Count() }).ToListAsync(ct);
        var trend = finished.Where(r => trendRuns.Contains(r.Id)).OrderBy(r => r.StartedAt).Select(r =>
            new TrendPoint(r.Id, r.StartedAt,
            trendCounts.Where(c => c.RunId == r.Id).ToDictionary(c => c.Outcome, c => c.Count),
                r.IsInconclusive)).ToList();

        return new HealthReport(
            lastRun,
            summaries.Where(r => r.FinishedAt is null).ToList(),
            lastResults.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            Unreachable(lastResults),
            links,
            trend,
            await HostsAsync(db, ct),
            threshold) { Exclusions = await ExclusionView.ListAsync(db, exclusions, ct) };
    }

    private static ReportLink Link(
        long entryId, string sectionSlug, string sectionTitle, string? entryTitle, bool isTitleLink, string url,
        LinkState state,
        LastResult? last, int threshold, DateOnly today) => new(
        entryId, sectionSlug, sectionTitle, entryTitle, isTitleLink, url, state.NormalizedUrl, state.Host,
        state.Outcome,
        state.Status, state.FinalUrl, state.Downgraded, state.ElapsedMs, state.Error, state.FetchedTitle,
        state.ContentType,
        state.LastCheckedAt, state.ConsecutiveFailures, LinkStateTransition.IsBroken(state, threshold),
        state.BrokenSinceRunId,
        state.BrokenSince, state.ArchiveUrl, state.AcceptedReason, state.AcceptedUntil, state.AcceptedBy,
        state.IsAcceptedOn(today), last?.Outcome, last?.Error);

    /// <summary>A link that only inconclusive runs ever checked: its state has not moved from "never failed".</summary>
    private static LinkState Unchecked(LastResult last) => new()
    {
        NormalizedUrl = last.NormalizedUrl, Url = last.Url, Host = UrlNormalizer.Host(last.Url) ?? "",
        Outcome = last.Outcome, Error = last.Error, LastCheckedAt = last.CheckedAt,
    };

    /// <summary>Endpoints of which the run reached nothing at all, largest first; the report shows one line for
    /// each.</summary>
    private static List<UnreachableEndpoint> Unreachable(List<LastResult> results)
    {
        var byHost = results.ToLookup(r => UnreachableHosts.EndpointOf(r.Url), StringComparer.OrdinalIgnoreCase);
        return RunVerdict.Hosts(results.Select(r => (UnreachableHosts.EndpointOf(r.Url), r.Outcome)))
            .Where(h => h.IsUnreachable)
            .Select(h => new UnreachableEndpoint(h.Host, h.Outcomes.GroupBy(o => o).OrderByDescending(o
                => o.Count()).First().Key,
                h.Outcomes.Count, byHost[h.Host].Count(r => r.HostSkipped)))
            .OrderByDescending(h => h.Links).ThenBy(h => h.Endpoint, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record LastResult(
        string NormalizedUrl, string Url, LinkOutcome Outcome, string? Error, bool HostSkipped,
            DateTimeOffset CheckedAt);
}
