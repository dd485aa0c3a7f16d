namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// What the entry rows need: which to add, change and remove. Made in two steps: <see cref="Match"/>
/// pairs parsed entries with stored ones by identity key; <see cref="Complete"/>, once new rows
/// have ids, points every row at its parent and compares content.
/// </summary>
internal sealed class EntryPlan
{
    private readonly (EntryRow Row, int? ParentIndex, StoredEntry? Stored)[] _rows;
    private readonly DateTimeOffset _now;

    private EntryPlan(int count, DateTimeOffset now)
    {
        _rows = new (EntryRow, int?, StoredEntry?)[count];
        _now = now;
    }

    public List<EntryRow> Added { get; } = [];
    public List<EntryRow> Changed { get; } = [];
    public List<EntryRow> LinksChanged { get; } = [];
    public List<long> Removed { get; } = [];
    public int ChangedCount { get; private set; }
    public int Unchanged { get; private set; }

    public static EntryPlan Match(ParsedTree tree, Dictionary<EntryKey, StoredEntry> stored,
        Dictionary<string, int> sectionIds, DateTimeOffset now)
    {
        var plan = new EntryPlan(tree.Entries.Count, now);
        var matched = new HashSet<EntryKey>();
        for (var i = 0; i < tree.Entries.Count; i++)
        {
            var (key, sectionKey, parentIndex, row) = tree.Entries[i];
            row.SectionId = sectionIds[sectionKey];
            var existing = stored.TryGetValue(key, out var found) && matched.Add(key) ? found : null;
            plan._rows[i] = (row, parentIndex, existing);
            if (existing is null) plan.Added.Add(row);
        }
        plan.Removed.AddRange(stored.Where(s => !matched.Contains(s.Key)).Select(s => s.Value.Id));
        return plan;
    }

    public void Complete(long[] newIds)
    {
        for (var i = 0; i < Added.Count; i++) Added[i].Id = newIds[i];
        foreach (var (row, parentIndex, stored) in _rows)
        {
            row.ParentId = parentIndex is { } p ? _rows[p].Row.Id : null;
            if (stored is null)
            {
                row.CreatedAt = row.UpdatedAt = _now;
                continue;
            }
            row.Id = stored.Id;
            row.CreatedAt = stored.CreatedAt;
            var sameContent = row.SameContent(stored);
            var samePlace = row.SamePlace(stored);
            row.UpdatedAt = sameContent && samePlace ? stored.UpdatedAt : _now;
            if (sameContent && samePlace) Unchanged++;
            else
            {
                ChangedCount++;
                Changed.Add(row);
            }
            // The fingerprint covers the links: only entries whose content changed get new link rows.
            if (!sameContent) LinksChanged.Add(row);
        }
    }
}
