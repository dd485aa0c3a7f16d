using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Marks;

/// <summary>
/// When each entry readers see was added, and in which section: the same for every member and changed only with the
/// list's content, so it is read once per content revision (the portal keeps it) instead of once per request. A
/// member's "new" counts are then the section's entries added after a moment (a search in a sorted array) corrected by
/// the member's own marks, however many entries are new.
/// </summary>
public sealed class AddedEntries
{
    private readonly Dictionary<long, (int SectionId, DateTimeOffset CreatedAt)> _byId;
    // Each section's entries, oldest first.
    private readonly Dictionary<int, (DateTimeOffset CreatedAt, long Id)[]> _bySection;

    public AddedEntries(IEnumerable<(long Id, int SectionId, DateTimeOffset CreatedAt)> entries)
    {
        _byId = entries.ToDictionary(e => e.Id, e => (e.SectionId, e.CreatedAt));
        _bySection = _byId.GroupBy(e => e.Value.SectionId)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Value.CreatedAt, e.Key)).Order().ToArray());
    }

    public static async Task<AddedEntries> LoadAsync(PortalDbContext db, CancellationToken ct = default) =>
        new((await db.Entries.AsNoTracking().Select(e => new { e.Id, e.SectionId, e.CreatedAt }).ToListAsync(ct))
            .Select(e => (e.Id, e.SectionId, e.CreatedAt)));

    /// <summary>The entry readers see with this id, with the member's mark on it; null when there is none.</summary>
    public MarkedEntry? Find(long id, bool? read) => _byId.TryGetValue(id, out var e)
        ? new MarkedEntry { Id = id, SectionId = e.SectionId, CreatedAt = e.CreatedAt, Read = read }
        : null;

    /// <summary>The ids of one section's entries.</summary>
    public long[] OfSection(int sectionId) =>
        _bySection.TryGetValue(sectionId, out var entries) ? [.. entries.Select(e => e.Id)] : [];

    /// <summary>
    /// The new entries of each section that has any (<see cref="MarkedEntries.IsNew"/>): the entries no mark speaks
    /// for, counted from the moment after which such an entry is new, then each marked entry by the rule itself.
    /// </summary>
    public Dictionary<int, int> NewCounts(MemberVisit visit, IEnumerable<(long EntryId, bool Read)> marks)
    {
        var unmarkedAfter = MarkedEntries.UnmarkedNewAfter(visit);
        var counts = _bySection.ToDictionary(s => s.Key, s => AddedAfter(s.Value, unmarkedAfter));
        var isNew = MarkedEntries.IsNew(visit).Compile();
        foreach (var (entryId, read) in marks)
        {
            if (Find(entryId, read) is not { } marked) continue;
            // Counted above as an entry no mark speaks for; its mark decides instead.
            if (marked.CreatedAt > unmarkedAfter) counts[marked.SectionId]--;
            if (isNew(marked)) counts[marked.SectionId]++;
        }
        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    private static int AddedAfter((DateTimeOffset CreatedAt, long Id)[] sorted, DateTimeOffset moment)
    {
        // The first index whose moment is later than the given one.
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle].CreatedAt > moment) high = middle;
            else low = middle + 1;
        }
        return sorted.Length - low;
    }
}
