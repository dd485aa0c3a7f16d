using System.Globalization;
using System.Text;

namespace ContainerNetLib.Domain.Urls;

/// <summary>
/// URL slugs: lower-case ASCII words joined by '-'. Accents are dropped ("Mönchmeyer" becomes
/// "monchmeyer"), everything else that is not a letter or digit separates words.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text, string fallback = "section")
    {
        var slug = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c is >= 'A' and <= 'Z')
            {
                if (pendingDash && slug.Length > 0) slug.Append('-');
                pendingDash = false;
                slug.Append(char.ToLowerInvariant(c));
                if (slug.Length >= MaxLength) break;
            }
            else
            {
                pendingDash = true;
            }
        }
        return slug.Length == 0 ? fallback : slug.ToString();
    }

    /// <summary>An author's key in /authors/{key} and entries.author_keys; everyone must compute it the same
    /// way.</summary>
    public static string ForAuthor(string name) => From(name, "author");

    /// <summary>The slug, or the first of slug-2, slug-3, ... that is not taken.</summary>
    public static string Unique(string slug, Func<string, bool> isTaken)
    {
        if (!isTaken(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!isTaken(candidate)) return candidate;
        }
    }
}
