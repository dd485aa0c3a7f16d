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
/// What is new and unread for one member, each rule written once as an expression: run by PostgreSQL over the list
/// (the reading page's unread entries), compiled over one page's entries and over a member's marks (the home page's
/// new counts, <see cref="AddedEntries"/>):
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
        var unmarkedAfter = UnmarkedNewAfter(visit);
        return e => e.Read == false && e.CreatedAt > since || e.Read == null && e.CreatedAt > unmarkedAfter;
    }

    /// <summary>An entry the member has not marked is new once added after this: their previous visit's end, or
    /// their "Mark all as read" when that came later.</summary>
    public static DateTimeOffset UnmarkedNewAfter(MemberVisit visit) =>
        visit.ReadAllAt is { } readAll && readAll > visit.PreviousVisitEndedAt ? readAll : visit.PreviousVisitEndedAt;

    public static Expression<Func<MarkedEntry, bool>> IsUnread(MemberVisit visit, DateTimeOffset windowStart)
    {
        var readAll = visit.ReadAllAt;
        return e => e.Read == false
            || e.Read == null && e.CreatedAt > windowStart && (readAll == null || e.CreatedAt > readAll);
    }

    /// <summary>
    /// One section page's marks: which of its entries are new, unread, and on the read-later list. The section's
    /// entries come from <paramref name="added"/>; the member's marks and read-later rows on them are one query.
    /// </summary>
    public static async Task<PageMarks> OfSectionAsync(PortalDbContext db, string userId, MemberVisit visit,
        AddedEntries added, int sectionId, DateTimeOffset windowStart, CancellationToken ct = default)
    {
        var ids = added.OfSection(sectionId);
        var rows = await db.ReadMarks.Where(m => m.UserId == userId && ids.Contains(m.EntryId))
            .Select(m => new { m.EntryId, Read = (bool?)m.Read, Later = false })
            .Concat(db.ReadLater.Where(l => l.UserId == userId && ids.Contains(l.EntryId))
                .Select(l => new { l.EntryId, Read = (bool?)null, Later = true }))
            .ToListAsync(ct);
        var reads = rows.Where(r => !r.Later).ToDictionary(r => r.EntryId, r => r.Read);
        // The same two rules, compiled, sort them (a page holds hundreds at most).
        var entries = ids.Select(id => added.Find(id, reads.GetValueOrDefault(id))!).ToList();
        var isNew = IsNew(visit).Compile();
        var isUnread = IsUnread(visit, windowStart).Compile();
        return new PageMarks([.. entries.Where(isNew).Select(e => e.Id)],
            [.. entries.Where(isUnread).Select(e => e.Id)], [.. rows.Where(r => r.Later).Select(r => r.EntryId)]);
    }
}

public sealed record PageMarks(IReadOnlyList<long> New, IReadOnlyList<long> Unread, IReadOnlyList<long> Later);
