using ContainerNetLib.Portal.Infrastructure.Rendering;

using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// How the list and its sections are counted, on reader and editor pages alike. The unit is the entry (one bullet
/// of the list); "link" is kept for addresses, of which an entry may have several.
/// </summary>
public static class ListCounts
{
    public static string Entries(int count) => Counted.Of(count, "entry", "entries");

    public static string Links(int count) => Counted.Of(count, "link");

    /// <summary>A count badge's spoken label: "12 entries", or "79 entries with its subsections".</summary>
    public static string Label(int total, int own) => Entries(total) + (total == own ? "" : " with its subsections");

    /// <summary>A section page's count line.</summary>
    public static string Line(int total, int own) =>
        total == own ? Entries(total)
        : own == 0 ? $"{Entries(total)} in its subsections"
        : $"{Entries(own)} here, {total} with its subsections";
}
