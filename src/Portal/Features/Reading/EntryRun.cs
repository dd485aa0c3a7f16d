using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// Entries that the reader page shows in one element: consecutive bullets in one list, the rows of one table in
/// one table, a passage on its own. <see cref="Header"/> is a table's column names, as the importer named its first
/// row's cells.
/// </summary>
public sealed record EntryRun(EntryShape Shape, List<EntryView> Entries, List<string> Header)
{
    /// <summary>The section's top-level entries as runs: a table row joins the rows before it unless it opens a
    /// table of its own.</summary>
    public static List<EntryRun> Of(IReadOnlyList<EntryView> roots)
    {
        var runs = new List<EntryRun>();
        foreach (var entry in roots)
        {
            var last = runs.LastOrDefault();
            var joins = last is not null && last.Shape == entry.Shape && entry.Shape != EntryShape.Passage
                && !entry.OpensTable;
            if (joins) last!.Entries.Add(entry);
            else runs.Add(new EntryRun(entry.Shape, [entry],
                entry.Shape == EntryShape.TableRow ? entry.Cells.Select(c => c.Name).ToList() : []));
        }
        return runs;
    }
}
