namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// What the entry rows need: which to add, change and remove. Made in two steps: <see cref="Match"/>
/// pairs parsed entries with stored ones by identity key; <see cref="Complete"/>, once new rows
/// have ids, points every row at its parent and compares content.
/// </summary>
internal sealed class EntryPlan
{
    private readonly (EntryRow Row, int? ParentIndex, EntryRow? Stored)[] _rows;
    private readonly DateTimeOffset _now;

    private EntryPlan(int count, DateTimeOffset now)
    {
        _rows = new (EntryRow, int?, EntryRow?)[count];
        _now = now;
    }

    public List<EntryRow> Added { get; } = [];
    public List<EntryRow> Changed { get; } = [];
    public List<EntryRow> LinksChanged { get; } = [];
    public List<long> Removed { get; } = [];
    public int ChangedCount { get; private set; }
    public int Unchanged { get; private set; }

    public static EntryPlan Match(ParsedTree tree, Dictionary<string, EntryRow> stored, Dictionary<string, int> sectionIds, DateTimeOffset now)
    {
        var plan = new EntryPlan(tree.Entries.Count, now);
        var matched = new HashSet<string>(StringComparer.Ordinal);
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
            var sameLinks = row.SameLinks(stored);
            row.UpdatedAt = sameContent && sameLinks ? stored.UpdatedAt : _now;
            if (!sameContent || !sameLinks) ChangedCount++;
            else Unchanged++;
            // updated_at moves when only the links changed, so the row is rewritten then too.
            if (!sameContent || !sameLinks) Changed.Add(row);
            if (!sameLinks) LinksChanged.Add(row);
        }
    }
}
