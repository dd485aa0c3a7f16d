using System.Linq.Expressions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Marks;

/// <summary>An entry readers see, with the member's own mark on it (null: none).</summary>
public sealed class MarkedEntry
{
    public long Id { get; init; }
    public int SectionId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool? Read { get; init; }
}

/// <summary>
/// What is new and unread for one member, each rule written once as an expression: run by PostgreSQL over the list,
/// compiled over one page's entries:
/// <list type="bullet">
/// <item><b>new</b>: added after the member's previous visit ended, and neither marked read nor cleared by "Mark all
/// as read" (an entry marked unread by hand after that stays new);</item>
/// <item><b>unread</b>: marked unread by hand (whatever its age), or added since <c>windowStart</c> (the last
/// <c>Reading:NewForDays</c> days) and neither marked read nor cleared by "Mark all as read".</item>
/// </list>
/// </summary>
public static class MarkedEntries
{
    public static IQueryable<MarkedEntry> Of(PortalDbContext db, string userId) =>
        from e in db.Entries
        join m in db.ReadMarks.Where(m => m.UserId == userId) on e.Id equals m.EntryId into marks
        from m in marks.DefaultIfEmpty()
        select new MarkedEntry
        {
            Id = e.Id,
            SectionId = e.SectionId,
            CreatedAt = e.CreatedAt,
            Read = m == null ? null : m.Read,
        };

    public static Expression<Func<MarkedEntry, bool>> IsNew(MemberVisit visit)
    {
        var since = visit.PreviousVisitEndedAt;
        var readAll = visit.ReadAllAt;
        return e => e.CreatedAt > since
            && (e.Read == false || e.Read == null && (readAll == null || e.CreatedAt > readAll));
    }

    public static Expression<Func<MarkedEntry, bool>> IsUnread(MemberVisit visit, DateTimeOffset windowStart)
    {
        var readAll = visit.ReadAllAt;
        return e => e.Read == false
            || e.Read == null && e.CreatedAt > windowStart && (readAll == null || e.CreatedAt > readAll);
    }

    /// <summary>The new entries of each section that has any (each section's own, not its subsections').</summary>
    public static Task<Dictionary<int, int>> NewCountsAsync(PortalDbContext db, string userId, MemberVisit visit,
        CancellationToken ct = default) =>
        Of(db, userId).Where(IsNew(visit)).GroupBy(e => e.SectionId)
            .Select(g => new { Section = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Section, g => g.Count, ct);

    /// <summary>One section page's marks: which of its entries are new, unread, and on the read-later list.</summary>
    public static async Task<PageMarks> OfSectionAsync(PortalDbContext db, string userId, MemberVisit visit,
        int sectionId, DateTimeOffset windowStart, CancellationToken ct = default)
    {
        // One read of the page's entries; the same two rules, compiled, sort them (a page holds hundreds at most).
        var entries = await Of(db, userId).Where(e => e.SectionId == sectionId).ToListAsync(ct);
        var isNew = IsNew(visit).Compile();
        var isUnread = IsUnread(visit, windowStart).Compile();
        var fresh = entries.Where(isNew).Select(e => e.Id).ToList();
        var unread = entries.Where(isUnread).Select(e => e.Id).ToList();
        var later = await db.ReadLater.Where(l => l.UserId == userId)
            .Join(db.Entries.Where(e => e.SectionId == sectionId), l => l.EntryId, e => e.Id, (l, e) => e.Id)
            .ToListAsync(ct);
        return new PageMarks(fresh, unread, later);
    }
}

public sealed record PageMarks(IReadOnlyList<long> New, IReadOnlyList<long> Unread, IReadOnlyList<long> Later);
