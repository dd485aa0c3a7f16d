using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Domain.Accounts.Marks;

/// <summary>
/// A member's marks on single entries and their read-later list. Each write names one entry a reader can see (not
/// retired); for any other the answer is false and nothing is written. Writing the same mark twice, or at once, keeps
/// one row.
/// </summary>
public static class ReadMarks
{
    public static Task<bool> MarkAsync(PortalDbContext db, string userId, long entryId, bool read,
        DateTimeOffset now, CancellationToken ct = default) => WriteAsync(db, $"""
            INSERT INTO read_marks (user_id, entry_id, read, marked_at)
            SELECT {userId}, e.id, {read}, {now} FROM entries e WHERE e.id = {entryId} AND e.retired_at IS NULL
            ON CONFLICT (user_id, entry_id) DO UPDATE SET read = excluded.read, marked_at = excluded.marked_at
            """, ct);

    public static Task<bool> AddLaterAsync(PortalDbContext db, string userId, long entryId, DateTimeOffset now,
        CancellationToken ct = default) => WriteAsync(db, $"""
            INSERT INTO read_later (user_id, entry_id, added_at)
            SELECT {userId}, e.id, {now} FROM entries e WHERE e.id = {entryId} AND e.retired_at IS NULL
            ON CONFLICT (user_id, entry_id) DO NOTHING
            """, ct, alreadyThere: db => db.ReadLater.AnyAsync(l => l.UserId == userId && l.EntryId == entryId, ct));

    /// <summary>Whether or not it was on the list, it is not now.</summary>
    public static async Task RemoveLaterAsync(PortalDbContext db, string userId, long entryId,
        CancellationToken ct = default) =>
        await db.ReadLater.Where(l => l.UserId == userId && l.EntryId == entryId).ExecuteDeleteAsync(ct);

    private static async Task<bool> WriteAsync(PortalDbContext db, FormattableString sql, CancellationToken ct,
        Func<PortalDbContext, Task<bool>>? alreadyThere = null)
    {
        try
        {
            if (await db.Database.ExecuteSqlInterpolatedAsync(sql, ct) == 1) return true;
            return alreadyThere is not null && await alreadyThere(db);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The account (or the entry) was removed a moment ago.
            return false;
        }
    }
}
