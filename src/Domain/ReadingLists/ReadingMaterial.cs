using ContainerNetLib.Domain.Data;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Which links are reading material: the address an entry stands for (its title link, entries.normalized_url), not
/// its authors' profile pages (<see cref="LinkRole.Author"/>) or the other links beside it. Only reading material
/// gets a saved copy, and only its copies are shown, searched and counted on the report.
/// </summary>
public static class ReadingMaterial
{
    /// <summary>The normalised URLs of all reading material, to be joined in a query.</summary>
    public static IQueryable<string> Urls(PortalDbContext db) =>
        db.Entries.Where(e => e.NormalizedUrl != null).Select(e => e.NormalizedUrl!);
}
