using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.Editing;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// A word-level diff (longest common subsequence over words and the spaces between them), for history
/// pages: what an editor changed in a bullet reads as a few struck and inserted words.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Above this many words on either side the diff is shown as whole text removed and added.</summary>
    public const int MaxWords = 2000;

    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        if (a.Length > MaxWords || b.Length > MaxWords)
            return Merge([new(DiffKind.Removed, before), new(DiffKind.Added, after)]);

        // lengths[i, j]: longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j],
                    lengths[i, j + 1]);

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { parts.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) parts.Add(new(DiffKind.Removed, a[x++]));
            else parts.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < a.Length) parts.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) parts.Add(new(DiffKind.Added, b[y++]));
        return Merge(parts);
    }

    private static List<DiffPart> Merge(IEnumerable<DiffPart> parts)
    {
        var merged = new List<DiffPart>();
        foreach (var part in parts.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Kind == part.Kind) merged[^1] = part with { Text = merged[^1].Text
                + part.Text };
            else merged.Add(part);
        }
        return merged;
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Tokens();
}
