using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// A pasted Markdown fragment of bullets, read by the importer's parser: the entries a bulk add
/// would create, nested as written, or a message saying why nothing can be added.
/// </summary>
public sealed record BulkFragment(IReadOnlyList<EntryNode> Entries, IReadOnlyList<string> Warnings, string? Error)
{
    public const int MaxEntries = 1000;

    public int Count => Entries.Sum(CountWithChildren);

    /// <summary>What the preview shows and the add takes: the same reading, with the importer's limits.</summary>
    public static BulkFragment Parse(string fragment)
    {
        var limit = TextField.BulkMarkdown.MaxLength;
        if (fragment.Length > limit)
            return new([], [], $"At most {limit:N0} characters at a time; this fragment has " +
                $"{fragment.Length:N0}. Paste it in parts.");
        var text = fragment.Replace("\r\n", "\n").Trim('\n');
        if (text.Trim().Length == 0) return new([], [],
            "Paste one or more bullets, such as “* 2024-01-31: [Title](https://example.com/)”.");
        if (MarkdownLimits.Find(text) is { } refused) return Refused(refused, 0);
        if (text.Split('\n').Any(line => line.TrimStart().StartsWith('#')))
            return new([], [], "The fragment has a heading: paste only bullets, and choose the section below.");
        // Line 1 is the heading added here, line 2 a blank: warnings are reported in the fragment's own line numbers.
        ParseResult result;
        try
        {
            result = ReadingListParser.Parse($"# Bulk\n\n{text}\n");
        }
        catch (RefusedMarkdownException e)
        {
            return Refused(e.Problem, 2);
        }
        var warnings = result.Warnings.Select(w => $"Line {Math.Max(1, w.Line - 2)}: {w.Message}").ToList();
        if (result.Document.Sections is not [var section])
            return new([], warnings, "The fragment could not be read as bullets.");
        if (section.Entries.Count == 0) return new([], warnings,
            "No bullets found: each entry starts with “* ” or “- ”.");
        if (section.IntroMarkdown.Trim().Length > 0 || section.OutroMarkdown.Trim().Length > 0)
            return new([], warnings, "Some lines are not bullets: every line must be a bullet (or the continuation " +
                "of one).");
        var fragmentResult = new BulkFragment(section.Entries, warnings, null);
        return fragmentResult.Count > MaxEntries
            ? new([], warnings, $"At most {MaxEntries} entries at a time; this fragment has {fragmentResult.Count}.")
            : fragmentResult;
    }

    private static BulkFragment Refused(LineProblem problem, int linesAdded) =>
        new([], [], $"Line {Math.Max(1, problem.Line - linesAdded)}: {problem.Problem}. Nothing was added.");

    private static int CountWithChildren(EntryNode node) => 1 + node.Children.Sum(CountWithChildren);
}
