using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>A link a reader sees in a block. Navigation (a link around badge images only) is never checked or
/// counted as reading material; a link inside the page (<c>#anchor</c>) is no web address and never found here.
/// </summary>
/// <param name="Offset">Where a Markdown link starts in the text Markdig read; -1 for one in raw HTML (the block's
/// line is the nearest known).</param>
internal sealed record FoundLink(string Url, string Text, bool IsNavigation, int Offset = -1);

/// <summary>A block's links, and the text of an HTML block when reading its links parsed it (null otherwise).
/// </summary>
internal sealed record BlockReading(List<FoundLink> Links, string? HtmlText);

/// <summary>
/// Finds the web links of a paragraph, block quote, table cell or HTML block: Markdown links and autolinks from
/// Markdig's tree, links in raw HTML (<c>&lt;a href&gt;</c>) with AngleSharp's HTML parser, never a regular
/// expression. Images are not links: a badge decorates, and its picture is never checked as a page.
/// </summary>
internal static class BlockLinks
{
    // AngleSharp's parser keeps per-parse state; one per thread, as the parser reads entries in parallel.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    public static List<FoundLink> In(Block block, int line, List<ParseWarning> warnings) =>
        Read(block, line, warnings).Links;

    /// <summary>The block's links and, for an HTML block with links, the text a reader sees: one HTML parse gives
    /// both, and the parser's <see cref="LinkCensus"/> reuses the links rather than parsing again.</summary>
    public static BlockReading Read(Block block, int line, List<ParseWarning> warnings)
    {
        var found = new List<FoundLink>();
        if (block is HtmlBlock html)
        {
            var document = InHtml(html.Lines.ToString(), found, line, warnings);
            return new BlockReading(Fitting(found, line, warnings), document is null ? null : TextOf(document));
        }
        var rawHtml = new StringBuilder();
        foreach (var leaf in Leaves(block))
        {
            if (leaf.Inline is { } inline) Walk(inline, found, rawHtml);
        }
        if (rawHtml.Length > 0) InHtml(rawHtml.ToString(), found, line, warnings);
        return new BlockReading(Fitting(found, line, warnings), null);
    }

    public static List<FoundLink> In(ContainerInline? inline, int line, List<ParseWarning> warnings)
    {
        var found = new List<FoundLink>();
        var rawHtml = new StringBuilder();
        if (inline is not null) Walk(inline, found, rawHtml);
        if (rawHtml.Length > 0) InHtml(rawHtml.ToString(), found, line, warnings);
        return Fitting(found, line, warnings);
    }

    /// <summary>The links whose address a web address may be (<see cref="TextField.WebAddress"/>): a longer one is
    /// no page anyone can open, and no database index can hold it; it stays the block's text, with a warning.
    /// </summary>
    private static List<FoundLink> Fitting(List<FoundLink> found, int line, List<ParseWarning> warnings)
    {
        var most = TextField.WebAddress.MaxLength;
        if (found.TrueForAll(l => l.Url.Length <= most)) return found;
        foreach (var link in found.Where(l => l.Url.Length > most)) warnings.Add(new ParseWarning(line,
            TooLong(link.Url.Length)));
        return found.Where(l => l.Url.Length <= most).ToList();
    }

    internal static string TooLong(int length) => $"a link of {length:N0} characters, more than the " +
        $"{TextField.WebAddress.MaxLength:N0} a web address may have, is kept as text and not checked";

    /// <summary>The text of parsed HTML as a reader sees it.</summary>
    private static string TextOf(IDocument document) => InlineText.Collapse(document.Body?.TextContent ?? "");

    private static IEnumerable<LeafBlock> Leaves(Block block) => block switch
    {
        LeafBlock leaf => [leaf],
        ContainerBlock container => container.SelectMany(Leaves),
        _ => [],
    };

    private static void Walk(ContainerInline container, List<FoundLink> found, StringBuilder rawHtml)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline link when UrlNormalizer.IsWebAddress(link.Url):
                    found.Add(new FoundLink(link.Url!, InlineText.Plain(link), IsBadgeOnly(link), link.Span.Start));
                    break;
                case LinkInline link when IsInPage(link.Url):
                    // A table of contents or "back to top": navigation inside the document.
                    found.Add(new FoundLink(link.Url!, InlineText.Plain(link), true, link.Span.Start));
                    break;
                case AutolinkInline { IsEmail: false } autolink when UrlNormalizer.IsWebAddress(autolink.Url):
                    found.Add(new FoundLink(autolink.Url, autolink.Url, false, autolink.Span.Start));
                    break;
                case HtmlInline tag:
                    rawHtml.Append(tag.Tag);
                    break;
                case LiteralInline literal when rawHtml.Length > 0:
                    // The text between raw tags, so that "<a href=…>Name</a>" gives the link its name.
                    rawHtml.Append(System.Net.WebUtility.HtmlEncode(literal.Content.ToString()));
                    break;
                case ContainerInline nested:
                    Walk(nested, found, rawHtml);
                    break;
            }
        }
    }

    /// <summary>A link whose only content is pictures (Markdown or <c>&lt;img&gt;</c>): a badge (shields.io and the
    /// like) or a logo.</summary>
    private static bool IsBadgeOnly(LinkInline link) =>
        link.Any(c => c is LinkInline { IsImage: true } or HtmlInline) && InlineText.Plain(link).Length == 0;

    /// <returns>The parsed HTML; null when it holds no <c>&lt;a</c> and was not parsed.</returns>
    private static IDocument? InHtml(string html, List<FoundLink> found, int line, List<ParseWarning> warnings)
    {
        if (!html.Contains("<a", StringComparison.OrdinalIgnoreCase)) return null;
        var document = Parser.Value!.ParseDocument(html);
        foreach (var anchor in document.QuerySelectorAll("a"))
        {
            var href = anchor.GetAttribute("href");
            if (href is null)
            {
                if (anchor.GetAttribute("name") is null && anchor.GetAttribute("id") is null)
                    warnings.Add(new ParseWarning(line, "<a> without href; kept as text"));
                continue;
            }
            href = href.Trim();
            if (UrlNormalizer.IsWebAddress(href))
            {
                var text = InlineText.Collapse(anchor.TextContent);
                found.Add(new FoundLink(href, text.Length > 0 ? text : AltText(anchor) ?? href,
                    text.Length == 0 && anchor.QuerySelector("img") is not null));
            }
            else if (IsInPage(href))
            {
                found.Add(new FoundLink(href, InlineText.Collapse(anchor.TextContent), true));
            }
            else if (href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add(new ParseWarning(line, "<a> whose href is a javascript: address; kept as text"));
            }
        }
        return document;
    }

    private static bool IsInPage(string? url) => url is { Length: > 0 } && url[0] == '#';

    private static string? AltText(IElement anchor) =>
        anchor.QuerySelector("img")?.GetAttribute("alt") is { Length: > 0 } alt ? alt : null;
}
