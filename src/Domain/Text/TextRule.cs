using System.Buffers;
using System.Globalization;

namespace ContainerNetLib.Domain.Text;

/// <summary>
/// What text the list can hold, whichever way it comes in: the characters of XML 1.0. That is what PostgreSQL's text
/// stores (it refuses NUL, and half of a surrogate pair has no UTF-8 form) and what the Atom feeds can carry (no other
/// C0 control character but tab, line feed and carriage return; no U+FFFE or U+FFFF).
/// </summary>
public static class TextRule
{
    private static readonly SearchValues<char> Suspect = SearchValues.Create(Refusable());

    /// <summary>The index of the first character the list cannot hold, or -1 when it can hold all of them.</summary>
    public static int FirstRefused(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(Suspect);
            if (found < 0) return -1;
            var at = offset + found;
            // A surrogate is refused only alone: a pair is one character outside the Basic Multilingual Plane.
            if (!char.IsHighSurrogate(text[at]) || at + 1 >= text.Length || !char.IsLowSurrogate(text[at + 1]))
                return at;
            offset = at + 2;
        }
    }

    /// <summary>The character as a message names it: "U+0000 (NUL)", "U+0007 (a control character)".</summary>
    public static string Describe(char c)
    {
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var what = c switch
        {
            '\0' => "NUL",
            _ when char.IsSurrogate(c) => "half of a surrogate pair",
            '\uFFFE' or '\uFFFF' => "not a character",
            _ => "a control character",
        };
        return $"U+{code} ({what})";
    }

    /// <summary>The text without the characters the list cannot hold: for what is only looked up (a search), where
    /// nothing could match them anyway.</summary>
    public static string Strip(string text)
    {
        if (FirstRefused(text) < 0) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair) kept.Append(text, i++, 2);
            else if (FirstRefused(text.AsSpan(i, 1)) < 0) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    private static string Refusable()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++) if (c is not ('\t' or '\n' or '\r')) chars.Add(c);
        for (var c = '\uD800'; c <= '\uDFFF'; c++) chars.Add(c);
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string([.. chars]);
    }
}
