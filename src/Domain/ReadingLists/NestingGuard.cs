namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Markdig refuses input nested beyond its depth limit ("[[[[…", "&gt;&gt;&gt;&gt;…"). Such a line is
/// still kept, as text: the structure is read from a copy in which that line's nesting characters
/// are swapped for look-alikes of the same length, so every offset still points at the original,
/// which is what gets stored and exported. The portal's renderer asks <see cref="IsDepthLimit"/> too.
/// </summary>
public static class NestingGuard
{
    /// <summary>More nesting characters than this on one line is not a reading list's doing.</summary>
    public const int MaxPerLine = 100;

    private const string Nesting = "[]>*_`<(";
    private const string Inert = "⁅⁆›∗‗ʹ‹⁽";

    /// <summary>Whether Markdig refused the text for nesting beyond its depth limit.</summary>
    public static bool IsDepthLimit(Exception e) =>
        e is ArgumentException && e.Message.Contains("too deeply nested", StringComparison.Ordinal);

    /// <summary>The text with over-nested lines defused, and the 0-based numbers of those lines.</summary>
    internal static (string Text, List<int> Lines) Defuse(string text, int maxPerLine = MaxPerLine)
    {
        var chars = text.ToCharArray();
        var lines = new List<int>();
        var lineStart = 0;
        var lineNumber = 0;
        for (var i = 0; i <= chars.Length; i++)
        {
            if (i < chars.Length && chars[i] != '\n') continue;
            var count = 0;
            for (var j = lineStart; j < i; j++) if (Nesting.Contains(chars[j])) count++;
            if (count > maxPerLine)
            {
                lines.Add(lineNumber);
                // The bullet itself ("* ", "  - ") stays: the line must still be the list item it is.
                var bullet = ReadingListParser.BulletPrefix().Match(text, lineStart, i - lineStart);
                var from = bullet.Success && bullet.Index == lineStart ? lineStart + bullet.Length : lineStart;
                for (var j = from; j < i; j++)
                {
                    var k = Nesting.IndexOf(chars[j]);
                    if (k >= 0) chars[j] = Inert[k];
                }
            }
            lineStart = i + 1;
            lineNumber++;
        }
        return (new string(chars), lines);
    }
}
