using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.SavedCopies;

/// <summary>The reads of saved copies: an entry's latest, the marks beside a section's entries, the report's
/// figures. With SavedCopies:Enabled false there is nothing to read.</summary>
public sealed class SavedCopyQueries(RetryingDatabase dbFactory, IOptions<SavedCopyOptions> savedCopies)
{
    public bool Enabled => savedCopies.Value.Enabled;

    /// <summary>The latest copy of the entry's link with the entry's own title; null when there is none.</summary>
    public async Task<SavedCopyView?> LatestAsync(long entryId, CancellationToken ct = default)
    {
        if (!Enabled) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from m in ReadingMaterial.OfEntries(db.Entries.AsNoTracking().Where(e => e.Id == entryId))
            join c in LatestCopy.Each(db.SavedCopies.AsNoTracking()) on m.NormalizedUrl equals c.NormalizedUrl
            join e in db.Entries.AsNoTracking() on m.EntryId equals e.Id
            select new SavedCopyView(e.Id, e.Title, e.Url!, c)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Beside each entry of a section: its copy's date, whether its link fails (broken, gone or blocked: then the
    /// copy is offered instead), or that the page refused copies.
    /// </summary>
    public async Task<Dictionary<long, CopyMark>> MarksAsync(PortalDbContext db, int sectionId,
        IReadOnlyDictionary<long, LinkBadge> badges, CancellationToken ct)
    {
        if (!Enabled) return [];
        var latest = LatestCopy.Each(db.SavedCopies);
        var rows = await (
            from m in ReadingMaterial.OfEntries(db.Entries.AsNoTracking().Where(e => e.SectionId == sectionId))
            let saved = latest.Where(c => c.NormalizedUrl == m.NormalizedUrl)
                .Select(c => (DateTimeOffset?)c.SavedAt).FirstOrDefault()
            let refusal = db.CopyRefusals.Where(r => r.NormalizedUrl == m.NormalizedUrl
                && r.Reason == CopyRefusalReason.NoArchive).Select(r => (CopyRefusalReason?)r.Reason).FirstOrDefault()
            let outcome = db.LinkStates.Where(s => s.NormalizedUrl == m.NormalizedUrl)
                .Select(s => (LinkOutcome?)s.Outcome).FirstOrDefault()
            where saved != null || refusal != null
            select new { Id = m.EntryId, saved, refusal, outcome }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new CopyMark(
            r.saved is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
            // Broken as the badge says (failures in a row, accepted links, exclusions); blocked has no badge.
            badges.GetValueOrDefault(r.Id)?.Kind == LinkBadgeKind.Broken || r.outcome is LinkOutcome.Blocked,
            r.refusal == CopyRefusalReason.NoArchive));
    }

    /// <summary>What the copies take on disk (table, its long-text storage and indexes) and how many of the list's
    /// links that are reading material have one.</summary>
    public async Task<CopyFigures> FiguresAsync(CancellationToken ct = default)
    {
        if (!Enabled) return new CopyFigures(false, 0, 0, 0, 0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bytes = await db.Database.SqlQueryRaw<long>(
            "SELECT pg_total_relation_size('saved_copies') AS \"Value\"").SingleAsync(ct);
        var reading = ReadingMaterial.Urls(db).Distinct();
        var withCopy = await reading.Where(u => db.SavedCopies.Any(c => c.NormalizedUrl == u)).CountAsync(ct);
        var links = await reading.CountAsync(ct);
        var versions = await db.SavedCopies.CountAsync(ct);
        var hostsOff = await db.CopiesOffHosts.AsNoTracking().OrderBy(h => h.Host).ToListAsync(ct);
        return new CopyFigures(Enabled, bytes, withCopy, links, versions, hostsOff);
    }
}

public sealed record SavedCopyView(long EntryId, string? EntryTitle, string EntryUrl, SavedCopy Copy);

/// <param name="SavedOn">The latest copy's day; null when there is none.</param>
/// <param name="LinkFails">The link is broken or gone (its badge says so) or blocked: the copy is what a reader can
/// still read.</param>
/// <param name="NoArchive">The page asks not to be archived, so there is no copy.</param>
public sealed record CopyMark(DateOnly? SavedOn, bool LinkFails, bool NoArchive);

public sealed record CopyFigures(bool Enabled, long Bytes, int LinksWithCopy, int Links, int Versions,
    IReadOnlyList<CopiesOffHost> HostsOff);
