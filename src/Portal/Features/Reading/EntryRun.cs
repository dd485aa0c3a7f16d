using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// Entries that the reader page shows in one element: consecutive bullets in one list, the rows of one table in
/// one table, a passage on its own. <see cref="Header"/> is a table's header cells.
/// </summary>
public sealed record EntryRun(EntryShape Shape, List<EntryView> Entries, List<string> Header)
{
    /// <summary>The section's top-level entries as runs; <paramref name="intro"/> holds the first table's header
    /// when the section starts with a table.</summary>
    public static List<EntryRun> Of(IReadOnlyList<EntryView> roots, string intro)
    {
        var runs = new List<EntryRun>();
        foreach (var entry in roots)
        {
            var before = runs.Count == 0 ? intro : entry.LeadingMarkdown;
            var header = entry.Shape == EntryShape.TableRow ? TableText.SplitHeader(before).Header : null;
            var last = runs.LastOrDefault();
            var joins = last is not null && last.Shape == entry.Shape && entry.Shape != EntryShape.Passage
                && header is null;
            if (joins) last!.Entries.Add(entry);
            else runs.Add(new EntryRun(entry.Shape, [entry], header ?? []));
        }
        return runs;
    }

    /// <summary>The section's introduction as shown: without the header of a table that opens the section, which
    /// the table itself shows.</summary>
    public static string Intro(IReadOnlyList<EntryView> roots, string intro) =>
        roots.Count > 0 && roots[0].Shape == EntryShape.TableRow ? TableText.SplitHeader(intro).Before : intro;
}
