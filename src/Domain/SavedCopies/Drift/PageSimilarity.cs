using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>
/// How much of two texts is the same writing: the Jaccard similarity of their word 3-shingles (each run of three
/// words, case and punctuation ignored). 1 for the same words in the same order, near 0 for unrelated pages; a
/// sentence edited in an article moves it a few hundredths, a page replaced by another one drops it near 0.
/// </summary>
public static partial class PageSimilarity
{
    private const int ShingleWords = 3;

    public static double Of(string first, string second)
    {
        var a = Shingles(first);
        var b = Shingles(second);
        if (a.Count == 0 && b.Count == 0) return 1;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>The text's shingles; a text shorter than three words is one shingle of all its words.</summary>
    internal static HashSet<string> Shingles(string text)
    {
        var words = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return shingles;
        var width = Math.Min(ShingleWords, words.Count);
        for (var i = 0; i + width <= words.Count; i++)
            shingles.Add(string.Join(' ', words.GetRange(i, width)));
        return shingles;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
