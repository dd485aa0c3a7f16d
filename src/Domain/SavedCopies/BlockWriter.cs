using ContainerNetLib.Domain.Text;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// Turns the article's HTML (what the readability pass kept) into <see cref="CopyText"/> blocks: headings,
/// paragraphs and list items, the words only. Text between blocks (a div holding bare text) becomes a paragraph
/// of its own; links, emphasis and code keep their words and lose their markup.
/// </summary>
internal sealed partial class BlockWriter
{
    private static readonly HashSet<string> Skipped =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "CANVAS", "BUTTON", "SELECT",
            "INPUT", "TEXTAREA", "FORM", "NAV", "FOOTER", "ASIDE"];

    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "BLOCKQUOTE", "UL", "OL", "LI", "DL", "DT", "DD",
            "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH", "FIGURE", "FIGCAPTION", "PRE", "HR", "H1", "H2", "H3",
            "H4", "H5", "H6", "DETAILS", "SUMMARY", "ADDRESS", "CAPTION"];

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _inline = new();

    public static string Write(INode root)
    {
        var writer = new BlockWriter();
        writer.Walk(root);
        writer.Flush();
        return writer._text.ToString();
    }

    private void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                _inline.Append(text.Data);
                continue;
            }
            if (child is not IElement element || Skipped.Contains(element.TagName)) continue;
            if (element.TagName == "BR")
            {
                _inline.Append(' ');
                continue;
            }
            if (!Blocks.Contains(element.TagName))
            {
                Walk(element);
                continue;
            }
            Flush();
            switch (element.TagName)
            {
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    Add(new string('#', Math.Min(3, element.TagName[1] - '0')) + " ", Collapse(element.TextContent));
                    break;
                case "LI" or "DT" or "DD":
                    WalkItem(element);
                    break;
                case "PRE":
                    Add("", element.TextContent.Trim());
                    break;
                case "TR":
                    Add("", string.Join(" | ", element.Children.Select(c => Collapse(c.TextContent))
                        .Where(c => c.Length > 0)));
                    break;
                default:
                    Walk(element);
                    Flush();
                    break;
            }
        }
    }

    /// <summary>A list item's own words; a list nested in it follows as items of its own.</summary>
    private void WalkItem(IElement item)
    {
        var nested = item.Children.Where(c => c.TagName is "UL" or "OL").ToList();
        var own = new BlockWriter();
        foreach (var child in item.ChildNodes.Where(c => c is not IElement e || !nested.Contains(e)))
        {
            if (child is IText text) own._inline.Append(text.Data);
            else if (child is IElement element && !Skipped.Contains(element.TagName))
                own._inline.Append(' ').Append(element.TextContent).Append(' ');
        }
        Add("- ", Collapse(own._inline.ToString()));
        foreach (var list in nested) Walk(list);
    }

    private void Flush()
    {
        if (_inline.Length == 0) return;
        Add("", Collapse(_inline.ToString()));
        _inline.Clear();
    }

    private void Add(string prefix, string text)
    {
        if (text.Length == 0) return;
        // Blank lines separate blocks: one inside a block (a <pre>) would split it.
        text = BlankLines().Replace(text, "\n");
        if (_text.Length > 0) _text.Append("\n\n");
        _text.Append(prefix).Append(text);
    }

    private static string Collapse(string text) => Whitespace.Collapse(text);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
