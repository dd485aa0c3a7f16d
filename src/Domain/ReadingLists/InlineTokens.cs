using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNetLib.Domain.ReadingLists;

internal abstract record InlineToken;

internal sealed record TextToken(string Text) : InlineToken;

internal sealed record LinkToken(string Url, string Text) : InlineToken;

/// <summary>Flattens a paragraph's inline tree into runs of text and links, the shape the conventions are written
/// in.</summary>
internal static class InlineTokens
{
    public static List<InlineToken> Flatten(ContainerInline? inline)
    {
        var tokens = new List<InlineToken>();
        var text = new StringBuilder();
        if (inline is not null) Walk(inline, tokens, text);
        Flush(tokens, text);
        return tokens;
    }

    private static void Walk(ContainerInline container, List<InlineToken> tokens, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline link:
                    Flush(tokens, text);
                    tokens.Add(new LinkToken(link.Url ?? "", InlineText.Plain(link)));
                    break;
                case AutolinkInline autolink:
                    Flush(tokens, text);
                    var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    tokens.Add(new LinkToken(url, autolink.Url));
                    break;
                case ContainerInline nested when ContainsLink(nested):
                    Walk(nested, tokens, text);
                    break;
                default:
                    InlineText.Append(text, inline);
                    break;
            }
        }
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
