using System.Globalization;
using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Text;
using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Reads an entry's fields from its bullet, following the list's conventions:
/// <c>2017-06-01: [Title](url) by [Author](url) ([github](url)) explains ...</c>, person bullets
/// (<c>[Jon Langemak](url) on [github](url)</c>), labels that group children, quoted titles.
/// </summary>
public static partial class EntryFieldReader
{
    internal static EntryFields Read(ParagraphBlock? paragraph, bool hasChildren, int line, List<ParseWarning> warnings)
    {
        if (paragraph is null)
        {
            warnings.Add(new ParseWarning(line,
                "entry does not start with text (code, HTML or empty bullet); kept as written"));
            return EntryFields.Empty;
        }
        var notWeb = new List<LinkToken>();
        var tokens = InlineTokens.Flatten(paragraph.Inline, notWeb);
        var date = TakeDate(tokens, line, warnings);
        foreach (var link in notWeb.Where(l => l.Url.Length == 0 || HasScheme(l.Url)))
            warnings.Add(new ParseWarning(line, link.Url.Length switch
            {
                0 => $"link \"{link.Text}\" has no URL; kept as text",
                var length when length > TextField.WebAddress.MaxLength => BlockLinks.TooLong(length),
                _ => $"link \"{link.Text}\" goes to {Quoted(link.Url)}, not a web address (http or https); " +
                    "kept as text",
            }));

        if (!tokens.OfType<LinkToken>().Any()) return Unlinked(tokens, date, hasChildren);
        return PersonBullet.TryRead(tokens, date, hasChildren) ?? LinkEntry.Read(tokens, date, hasChildren);
    }

    private static EntryFields Unlinked(List<InlineToken> tokens, DateOnly? date, bool hasChildren)
    {
        var text = InlineText.Collapse(string.Concat(tokens.OfType<TextToken>().Select(t => t.Text)));
        var isLabel = hasChildren || text.EndsWith(':');
        var title = isLabel ? text.TrimEnd(':').TrimEnd() : text;
        return new EntryFields(isLabel ? EntryKind.Group : EntryKind.Note, date, NullIfEmpty(title), null, [], null,
            []);
    }

    /// <summary>Removes a leading <c>YYYY-MM-DD:</c> from the first text run and returns the date.</summary>
    private static DateOnly? TakeDate(List<InlineToken> tokens, int line, List<ParseWarning> warnings)
    {
        if (tokens.Count == 0 || tokens[0] is not TextToken first) return null;
        var match = DatePrefix().Match(first.Text);
        if (!match.Success) return null;
        if (!DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date))
        {
            warnings.Add(new ParseWarning(line,
                $"\"{match.Groups[1].Value}\" looks like a date but is not one; kept as text"));
            return null;
        }
        tokens[0] = new TextToken(first.Text[match.Length..]);
        return date;
    }

    /// <summary>The bullet without its leading "YYYY-MM-DD: ", for showing the date apart.</summary>
    public static string WithoutDatePrefix(string markdown) => DatePrefix().Replace(markdown, "", 1);

    /// <summary>A target such as "javascript:…" or "mailto:…"; a path or an anchor in the page ("#install") is an
    /// ordinary thing to link to and is kept as text without a word.</summary>
    private static bool HasScheme(string url) => SchemePrefix().IsMatch(url);

    private static string Quoted(string url) => url.Length <= 60 ? url : url[..57] + "…";

    internal static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^\s*(\d{4}-\d{2}-\d{2}):\s*")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
