using System.Text;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNetLib.Domain.ReadingLists;

internal abstract record InlineToken;

internal sealed record TextToken(string Text) : InlineToken;

internal sealed record LinkToken(string Url, string Text) : InlineToken;

/// <summary>
/// Flattens a paragraph's inline tree into runs of text and links, the shape the conventions are written in. Only a
/// link to a web address (<see cref="UrlNormalizer.IsWebAddress"/>) is a link here: one to anything else
/// (<c>javascript:</c>, <c>data:</c>, <c>mailto:</c>, a path, an anchor) is read as its text, so it never becomes an
/// entry's address, an author's page or a link to check; the Markdown keeps it as written. So is a link longer than
/// a web address may be (<see cref="TextField.WebAddress"/>).
/// </summary>
internal static class InlineTokens
{
    /// <param name="notWeb">Collects the links read as text, for the parser's warnings.</param>
    public static List<InlineToken> Flatten(ContainerInline? inline, List<LinkToken>? notWeb = null)
    {
        var tokens = new List<InlineToken>();
        var text = new StringBuilder();
        if (inline is not null) Walk(inline, tokens, text, notWeb);
        Flush(tokens, text);
        return tokens;
    }

    private static void Walk(ContainerInline container, List<InlineToken> tokens, StringBuilder text,
        List<LinkToken>? notWeb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline link:
                    Add(new LinkToken(link.Url ?? "", InlineText.Plain(link)), tokens, text, notWeb);
                    break;
                case AutolinkInline autolink:
                    var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    Add(new LinkToken(url, autolink.Url), tokens, text, notWeb);
                    break;
                case ContainerInline nested when ContainsLink(nested):
                    Walk(nested, tokens, text, notWeb);
                    break;
                default:
                    InlineText.Append(text, inline);
                    break;
            }
        }
    }

    private static void Add(LinkToken link, List<InlineToken> tokens, StringBuilder text, List<LinkToken>? notWeb)
    {
        if (!UrlNormalizer.IsWebAddress(link.Url) || link.Url.Length > TextField.WebAddress.MaxLength)
        {
            text.Append(link.Text);
            notWeb?.Add(link);
            return;
        }
        Flush(tokens, text);
        tokens.Add(link);
    }

    private static bool ContainsLink(ContainerInline container) =>
        container.Descendants<LinkInline>().Any(l => !l.IsImage) || container.Descendants<AutolinkInline>().Any();

    private static void Flush(List<InlineToken> tokens, StringBuilder text)
    {
        if (text.Length == 0) return;
        tokens.Add(new TextToken(text.ToString()));
        text.Clear();
    }
}
