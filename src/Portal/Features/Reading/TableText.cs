using System.Text.RegularExpressions;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// A table row's cells and its table's header, read from the text the importer keeps: each row is its own entry
/// written as its line, and the header and delimiter lines stay at the end of the text before the first row (the
/// section's introduction or that row's leading text). Cells are split as GitHub splits them: on each pipe not
/// escaped by a backslash, the outer pipes dropped.
/// </summary>
public static partial class TableText
{
    /// <summary>The row's cells as Markdown, in column order.</summary>
    public static List<string> Cells(string rowLine)
    {
        var line = rowLine.Trim();
        if (line.StartsWith('|')) line = line[1..];
        if (line.EndsWith('|') && !line.EndsWith("\\|", StringComparison.Ordinal)) line = line[..^1];
        var cells = new List<string>();
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') i++;
            else if (line[i] == '|')
            {
                cells.Add(line[start..i].Trim());
                start = i + 1;
            }
        }
        cells.Add(line[start..].Trim());
        return cells;
    }

    /// <summary>
    /// The text before a table with its header and delimiter lines taken off, and the header's cells (null when
    /// the text does not end with them: then the text is returned whole).
    /// </summary>
    public static (string Before, List<string>? Header) SplitHeader(string textBeforeTable)
    {
        var lines = textBeforeTable.Split('\n').ToList();
        var end = lines.Count;
        while (end > 0 && lines[end - 1].Trim().Length == 0) end--;
        if (end < 2 || !Delimiter().IsMatch(lines[end - 1].TrimEnd('\r')) || !lines[end - 2].Contains('|'))
            return (textBeforeTable, null);
        return (string.Join('\n', lines.Take(end - 2)), Cells(lines[end - 2].TrimEnd('\r')));
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex Delimiter();
}
