using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// A table row in the entry form: one value per column as the editor types it (pipes unescaped), and the title's
/// column as a title and an address when that cell holds only the title's link.
/// </summary>
public sealed class RowCells
{
    public required string[] Values { get; init; }
    public int TitleColumn { get; init; } = -1;
    public string? Title { get; set; }
    public string? Url { get; set; }

    /// <summary>The form's cells for a row, or null for a bullet or a passage.</summary>
    public static RowCells? Of(EditorEntry entry, IReadOnlyList<EntryCell> cells)
    {
        if (entry.Shape != EntryShape.TableRow || cells.Count == 0) return null;
        return new RowCells
        {
            Values = cells.Select(c => TableRowMarkdown.Unescape(c.Markdown)).ToArray(),
            TitleColumn = TableRowMarkdown.TitleColumn(cells, entry.Title, entry.Url), Title = entry.Title,
            Url = entry.Url,
        };
    }

    /// <summary>Why the cells cannot be saved, or null.</summary>
    public string? Problem()
    {
        if (TitleColumn < 0) return null;
        if ((TextField.EntryTitle.Problem(Title) ?? TextField.WebAddress.Problem(Url)) is { } problem) return problem;
        if (string.IsNullOrWhiteSpace(Title)) return "Give the entry a title.";
        return string.IsNullOrWhiteSpace(Url) || UrlNormalizer.IsWebAddress(Url) ? null
            : "The web address must start with http:// or https://.";
    }

    /// <summary>The row's Markdown line.</summary>
    public string Line() => TableRowMarkdown.Compose(Values.Select((value, i) => i == TitleColumn
        ? TableRowMarkdown.TitleCell(Title!, string.IsNullOrWhiteSpace(Url) ? null : Url) : value));
}
