using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Cuts a large list into pieces that parse the same alone as in the whole: only before a
/// top-level ATX heading ('#' in column 0) that follows a blank line, and never inside a fenced
/// code block, a raw HTML block (pre, script, style, textarea) or an HTML comment. Where the
/// scan is unsure it does not cut; a piece may then be larger than the target.
/// </summary>
internal static partial class SliceSplitter
{
    public static List<(int Start, int End)> Split(SourceLines source, int targetChars) =>
        Split(Enumerable.Range(0, source.Count).Select(source.Line), source.Count, targetChars);

    public static List<(int Start, int End)> Split(string[] lines, int targetChars) =>
        Split(lines, lines.Length, targetChars);

    private static List<(int Start, int End)> Split(IEnumerable<string> lineSequence, int count, int targetChars)
    {
        var slices = new List<(int Start, int End)>();
        var start = 0;
        var size = 0;
        var fence = "";
        string? rawHtmlEnd = null;
        var inComment = false;
        var i = 0;
        var previousBlank = true;
        foreach (var line in lineSequence)
        {
            var closed = fence.Length == 0 && rawHtmlEnd is null && !inComment;
            if (closed && size >= targetChars && i > start && previousBlank && AtxHeading().IsMatch(line))
            {
                slices.Add((start, i));
                start = i;
                size = 0;
            }
            size += line.Length + 1;
            Track(line, ref fence, ref rawHtmlEnd, ref inComment);
            previousBlank = line.Trim().Length == 0;
            i++;
        }
        slices.Add((start, count));
        return slices;
    }

    private static void Track(string line, ref string fence, ref string? rawHtmlEnd, ref bool inComment)
    {
        var trimmed = line.TrimStart(' ', '\t', '>');
        if (fence.Length > 0)
        {
            if (trimmed.StartsWith(fence, StringComparison.Ordinal)
                && trimmed.TrimEnd().Trim(fence[0]).Length == 0) fence = "";
            return;
        }
        if (rawHtmlEnd is not null)
        {
            if (line.Contains(rawHtmlEnd, StringComparison.OrdinalIgnoreCase)) rawHtmlEnd = null;
            return;
        }
        if (inComment)
        {
            if (line.Contains("-->", StringComparison.Ordinal)) inComment = false;
            return;
        }
        var opening = FenceOpening().Match(trimmed);
        if (opening.Success)
        {
            fence = opening.Value;
            return;
        }
        var raw = RawHtmlOpening().Match(trimmed);
        if (raw.Success && !line.Contains($"</{raw.Groups[1].Value}>", StringComparison.OrdinalIgnoreCase))
        {
            rawHtmlEnd = $"</{raw.Groups[1].Value}>";
            return;
        }
        var comment = line.LastIndexOf("<!--", StringComparison.Ordinal);
        if (comment >= 0 && line.IndexOf("-->", comment, StringComparison.Ordinal) < 0) inComment = true;
    }

    [GeneratedRegex(@"^#{1,6}(?:[ \t]|$)")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex FenceOpening();

    [GeneratedRegex(@"^<(pre|script|style|textarea)(?:[\s>]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RawHtmlOpening();
}
