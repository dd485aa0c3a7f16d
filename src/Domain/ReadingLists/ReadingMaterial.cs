using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Which links are reading material: the address an entry stands for (its title link, entries.normalized_url), not
/// its authors' profile pages (<see cref="LinkRole.Author"/>) or the other links beside it. Only reading material
/// gets a saved copy, and only its copies are shown, searched and counted on the report.
/// </summary>
public static class ReadingMaterial
{
    /// <summary>The normalised URLs of all reading material, to be joined in a query.</summary>
    public static IQueryable<string> Urls(PortalDbContext db) => OfEntries(db.Entries).Select(m => m.NormalizedUrl);

    /// <summary>The reading material of these entries, one row per entry that has any: what its saved copy, its
    /// badge and its page's search are joined on.</summary>
    public static IQueryable<EntryMaterial> OfEntries(IQueryable<Entry> entries) =>
        entries.Where(e => e.NormalizedUrl != null)
            .Select(e => new EntryMaterial { EntryId = e.Id, NormalizedUrl = e.NormalizedUrl! });

    /// <summary>The same rule for a query written in SQL: true when <paramref name="normalizedUrl"/> is the reading
    /// material of the row of <c>entries</c> aliased <paramref name="entry"/>.</summary>
    public static string IsMaterialOfSql(string entry, string normalizedUrl) =>
        $"{entry}.normalized_url = {normalizedUrl}";
}

public sealed class EntryMaterial
{
    public long EntryId { get; init; }
    public required string NormalizedUrl { get; init; }
}
