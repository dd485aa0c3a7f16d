using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// A pasted Markdown fragment of bullets, read by the importer's parser: the entries a bulk add
/// would create, nested as written, or a message saying why nothing can be added.
/// </summary>
public sealed record BulkFragment(IReadOnlyList<EntryNode> Entries, IReadOnlyList<string> Warnings, string? Error)
{
    public const int MaxEntries = 1000;
    public const int MaxCharacters = 1_000_000;

    public int Count => Entries.Sum(CountWithChildren);

    public static BulkFragment Parse(string fragment)
    {
        if (fragment.Length > MaxCharacters)
            return new([], [], $"At most {MaxCharacters:N0} characters at a time; this fragment has " +
                $"{fragment.Length:N0}. Paste it in parts.");
        var text = fragment.Replace("\r\n", "\n").Trim('\n');
        if (text.Trim().Length == 0) return new([], [],
            "Paste one or more bullets, such as “* 2024-01-31: [Title](https://example.com/)”.");
        if (text.Split('\n').Any(line => line.TrimStart().StartsWith('#')))
            return new([], [], "The fragment has a heading: paste only bullets, and choose the section below.");
        // Line 1 is the heading added here, line 2 a blank: warnings are reported in the fragment's own line numbers.
        var result = ReadingListParser.Parse($"# Bulk\n\n{text}\n");
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

    private static int CountWithChildren(EntryNode node) => 1 + node.Children.Sum(CountWithChildren);
}
