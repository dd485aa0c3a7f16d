using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// A page's latest saved copy is its highest number. Copies are numbered in the order they were stored;
/// <see cref="SavedCopy.SavedAt"/> follows the clock, which can step back (a corrected clock, another instance), so
/// it never decides which copy is the latest.
/// </summary>
public static class LatestCopy
{
    /// <summary>Each page's latest copy; composes into a larger query (EF translates it as NOT EXISTS).</summary>
    public static IQueryable<SavedCopy> Each(IQueryable<SavedCopy> copies) =>
        copies.Where(c => !copies.Any(newer => newer.NormalizedUrl == c.NormalizedUrl && newer.Number > c.Number));

    /// <summary>The latest copy of one page: none or one row.</summary>
    public static IQueryable<SavedCopy> Of(IQueryable<SavedCopy> copies, string normalizedUrl) =>
        Each(copies.Where(c => c.NormalizedUrl == normalizedUrl));

    /// <summary>The same rule for a query written in SQL: true for the row of <c>saved_copies</c> aliased
    /// <paramref name="alias"/> when it is its page's latest copy.</summary>
    public static string IsLatestSql(string alias) =>
        $"not exists (select 1 from saved_copies newer where newer.normalized_url = {alias}.normalized_url " +
        $"and newer.number > {alias}.number)";
}
