using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Domain.Accounts.Marks;

/// <summary>A member's visits (<see cref="VisitMoments"/>) and their "Mark all as read".</summary>
public static class MemberVisits
{
    /// <summary>
    /// The member's visit after being seen now (the row made at their first visit); null when the account no longer
    /// exists. Twenty requests at once move it once: each writes only over the moment it read.
    /// </summary>
    public static async Task<MemberVisit?> SeenAsync(PortalDbContext db, string userId, DateTimeOffset now,
        TimeSpan visitGap, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var visit = await db.MemberVisits.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId, ct);
            if (visit is null)
            {
                if (!await TryAddFirstAsync(db, userId, now, ct)) return null;
                continue;
            }
            var seen = new VisitMoments(visit.PreviousVisitEndedAt, visit.LastSeenAt);
            var next = seen.SeenAt(now, visitGap);
            if (next == seen) return visit;
            var written = await db.MemberVisits
                .Where(v => v.UserId == userId && v.LastSeenAt == visit.LastSeenAt)
                .ExecuteUpdateAsync(v => v
                    .SetProperty(x => x.PreviousVisitEndedAt, next.PreviousVisitEndedAt)
                    .SetProperty(x => x.LastSeenAt, next.LastSeenAt), ct);
            if (written == 1)
            {
                visit.PreviousVisitEndedAt = next.PreviousVisitEndedAt;
                visit.LastSeenAt = next.LastSeenAt;
                return visit;
            }
        }
        // Others kept moving it meanwhile: what they wrote stands.
        return await db.MemberVisits.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId, ct);
    }

    /// <summary>Every entry added up to now becomes read; marks made before it are superseded, so they go.</summary>
    public static async Task<bool> ReadAllAsync(PortalDbContext db, string userId, DateTimeOffset now,
        CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO member_visits (user_id, previous_visit_ended_at, last_seen_at, read_all_at)
                VALUES ({userId}, {now}, {now}, {now})
                ON CONFLICT (user_id) DO UPDATE SET read_all_at = excluded.read_all_at
                """, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
        await db.ReadMarks.Where(m => m.UserId == userId && m.MarkedAt <= now).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<bool> TryAddFirstAsync(PortalDbContext db, string userId, DateTimeOffset now,
        CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO member_visits (user_id, previous_visit_ended_at, last_seen_at)
                VALUES ({userId}, {now}, {now}) ON CONFLICT (user_id) DO NOTHING
                """, ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The account was removed a moment ago.
            return false;
        }
    }
}
