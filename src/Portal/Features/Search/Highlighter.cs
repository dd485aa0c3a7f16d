using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// Marks the searched words in a result, on encoded text: the stored title may contain anything
/// ("&lt;script&gt;"), so the text is HTML-encoded first and only the mark elements are added.
/// A word matches by its stem, so "network" marks "networking". Built once per results page.
/// </summary>
public sealed class Highlighter
{
    private readonly Regex? _pattern;

    public Highlighter(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return;
        var stems = terms.Select(t => Regex.Escape(t.Length > 5 ? t[..^2] : t));
        _pattern = new Regex(@"\b(?:" + string.Join('|', stems) + @")[\p{L}\p{N}]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Where the first searched word is in <paramref name="text"/>, or -1.</summary>
    /// <summary>Where the first word found starts; -1 when none is, or the search for it ran out of time (a
    /// saved page is long, and a passage from its start is still a passage).</summary>
    public int FirstMatch(string text)
    {
        try
        {
            return _pattern?.Match(text) is { Success: true } match ? match.Index : -1;
        }
        catch (RegexMatchTimeoutException)
        {
            return -1;
        }
    }

    public string Highlight(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (_pattern is null) return WebUtility.HtmlEncode(text);
        var html = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match match in _pattern.Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[last..match.Index]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(match.Value)).Append("</mark>");
            last = match.Index + match.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[last..]));
        return html.ToString();
    }
}
