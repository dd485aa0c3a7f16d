using System.Text;
using Markdig.Syntax.Inlines;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>Plain text of inline Markdown, as a reader sees it (images and HTML tags leave no text).</summary>
internal static class InlineText
{
    public static string Plain(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new StringBuilder();
        Append(text, inline);
        return Collapse(text.ToString());
    }

    public static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true }:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container) Append(text, child);
                break;
        }
    }

    /// <summary>Runs of white space become one space; the ends are trimmed.</summary>
    public static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }
            if (space) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }
}
