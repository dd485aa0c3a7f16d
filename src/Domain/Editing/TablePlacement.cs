using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// Where an entry may stand beside a table's rows, asked by every move and every add at a chosen place: a row stays
/// inside its table (after another row), the row carrying the table's header lines stays where it is, and nothing else
/// follows a row (in the file it would become part of the table, or cut it in two).
/// </summary>
public static class TablePlacement
{
    public const string RowStays =
        "A table row keeps to its table: it moves only among the rows after the first, which carries the header.";

    public const string NotAfterARow =
        "That place is inside a table: an entry there would become part of it. Choose a place before or after it.";

    public const string NotUnderARow = "An entry cannot be nested under a table row.";

    /// <summary>The row whose leading text carries its table's header lines.</summary>
    public static bool OpensTable(Entry entry) => entry.Shape == EntryShape.TableRow && entry.LeadingMarkdown != "";

    /// <summary>Why <paramref name="entry"/> cannot stand where it is in <paramref name="siblings"/> (their order after
    /// the move or add); null when it can.</summary>
    public static string? Problem(IReadOnlyList<Entry> siblings, Entry entry)
    {
        var at = -1;
        for (var i = 0; i < siblings.Count; i++)
            if (ReferenceEquals(siblings[i], entry)) at = i;
        var afterRow = at > 0 && siblings[at - 1].Shape == EntryShape.TableRow;
        if (entry.Shape != EntryShape.TableRow) return afterRow ? NotAfterARow : null;
        return OpensTable(entry) || !afterRow ? RowStays : null;
    }

    /// <summary>A move out of its siblings (nested, taken out, to another section) for a row.</summary>
    public static string? LeavingSiblings(Entry entry) => entry.Shape == EntryShape.TableRow ? RowStays : null;
}
