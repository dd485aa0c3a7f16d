using System.Security.Cryptography;
using System.Text;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// The duplicate rule: one address, one entry, unless the editor chose to add it again. No unique index can hold it:
/// imported lists hold the same address in several sections (a real one 132 times), and an editor or a script may add
/// one again on purpose (the add page's "you can still add it", the API's allowDuplicate). So the look and the write
/// are one serialised step instead: each address is locked for the rest of the edit's transaction (an advisory lock on
/// its hash, released at commit or rollback) before it is looked up, so that of two edits bringing the same address at
/// once the second looks only once the first has committed, and is told, as it would be a second later.
/// </summary>
internal static class SameAddress
{
    /// <summary>The first of the two keys of every address lock: PostgreSQL's two-key advisory locks are apart from
    /// the one-key ones (the importer's), and this keeps them apart from anyone else's two-key locks.</summary>
    private const int AddressLocks = 0x434E4C55;

    /// <summary>Entries (live or retired) at one of the addresses, other than <paramref name="except"/>.</summary>
    public static IQueryable<EntryLocation> Holders(PortalDbContext db, IReadOnlyCollection<string> normalizedUrls,
        long? except = null) =>
        db.Entries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.NormalizedUrl != null && normalizedUrls.Contains(e.NormalizedUrl) && e.Id != except)
            .OrderBy(e => e.Id)
            .Select(e => new EntryLocation(e.Id, e.Title ?? e.Markdown, e.Section.Title, e.Section.Slug,
                e.RetiredAt != null));

    /// <summary>
    /// Locks the addresses until the edit's transaction ends, then looks for entries already there: the refusal when
    /// there are some, null when the addresses are free.
    /// </summary>
    public static async Task<EditOutcome.Duplicate?> RefusalAsync(PortalDbContext db,
        IEnumerable<string> normalizedUrls, long? except, CancellationToken ct)
    {
        var urls = normalizedUrls.Distinct(StringComparer.Ordinal).ToList();
        if (urls.Count == 0) return null;
        // In one statement (a bulk add brings hundreds), taken in ascending order as unnest reads the array: two
        // edits locking some of the same addresses never wait for each other in a circle.
        var keys = urls.Select(LockKey).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync(
            $"select count(pg_advisory_xact_lock({AddressLocks}, key)) from unnest({keys}) as key", ct);
        var holders = await Holders(db, urls, except).ToListAsync(ct);
        return holders.Count == 0 ? null : new EditOutcome.Duplicate(holders);
    }

    /// <summary>The same number in every process for the same address (string.GetHashCode is not).</summary>
    private static int LockKey(string normalizedUrl) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedUrl)));
}
