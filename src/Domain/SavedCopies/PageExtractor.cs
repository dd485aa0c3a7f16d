using ContainerNetLib.Domain.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using SmartReader;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// The readable content of a fetched page: SmartReader (a port of Mozilla's Readability) finds the article, and
/// <see cref="BlockWriter"/> keeps its headings, paragraphs and list items as plain text. Pure: bytes in, extract
/// out, nothing fetched (no images, no scripts).
/// </summary>
public static class PageExtractor
{
    private static readonly HtmlParser Parser = new();

    /// <summary>What is no part of an article wherever it stands: site navigation and footers, cookie and
    /// consent banners, comment threads, forms and embedded frames.</summary>
    private const string Clutter =
        "script, style, noscript, template, iframe, object, embed, form, dialog, nav, footer, aside, " +
        "[role=navigation], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], " +
        "[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], [id*=gdpr i], [class*=gdpr i], " +
        "#comments, .comments, .comment-list, #respond, [id^=comment-], [class*=advert i], [id*=advert i], " +
        ".ad, .ads, [class^='ad-'], [id^='ad-'], [aria-hidden=true]";

    /// <param name="headerCharset">The Content-Type header's charset, if any; otherwise the page's own
    /// &lt;meta&gt; declaration decides, then windows-1252 (the WHATWG default).</param>
    /// <param name="budget">Cancelled when reading the page has taken too long: the page is then unreadable.</param>
    public static PageExtract FromHtml(byte[] body, string? headerCharset, Uri address, int maxTextChars,
        CancellationToken budget = default)
    {
        IHtmlDocument document;
        try
        {
            // The parser's time grows with the square of the nesting depth: a hostile page of nested elements would
            // hold a worker for hours without the budget. A string source is parsed without waiting on anything.
            document = Parser.ParseDocumentAsync(PageMetadataReader.Decode(body, headerCharset), budget)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return PageExtract.Refused(SavedCopyKind.Html, CopyRefusalReason.Unreadable);
        }
        if (AsksNoArchive(document)) return PageExtract.Refused(SavedCopyKind.Html, CopyRefusalReason.NoArchive);
        // So does the readability pass's: real articles nest a few dozen levels, never hundreds.
        if (DepthOf(document) > MaxDepth) return PageExtract.Refused(SavedCopyKind.Html, CopyRefusalReason.Unreadable);
        var pageTitle = document.Title;
        foreach (var clutter in document.QuerySelectorAll(Clutter).ToList()) clutter.Remove();

        using var reader = new Reader(address.AbsoluteUri, document)
        {
            // A short page is still worth keeping: its words are what the list pointed to.
            ContinueIfNotReadable = true,
            CharThreshold = 200,
        };
        // The article element as SmartReader leaves it, taken by this reader's own last step: its blocks are written
        // straight from the element (Article.Content would serialise it to HTML, through a process-wide static hook,
        // to be parsed again).
        IElement? found = null;
        reader.AddCustomOperationEnd(element => found = element);
        var article = reader.GetArticle();
        var text = found is not null && BlockWriter.Write(found) is { Length: > 0 } content ? content
            : BlockWriter.Write(document.Body!);
        if (text.Length == 0) return PageExtract.Refused(SavedCopyKind.Html, CopyRefusalReason.Unreadable);
        var (kept, truncated) = Cut(text, maxTextChars);
        return new PageExtract(
            SavedCopyKind.Html,
            Short(Clean(article.Title) ?? Clean(pageTitle), 1000),
            Short(Clean(article.Byline) ?? Clean(article.Author), 500),
            Published(article.PublicationDate),
            ImageAddress(article.FeaturedImage, address),
            kept,
            truncated);
    }

    internal const int MaxDepth = 200;

    private static int DepthOf(IHtmlDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(IElement Element, int Depth)>();
        if (document.DocumentElement is { } root) pending.Push((root, 1));
        while (pending.TryPop(out var next))
        {
            deepest = Math.Max(deepest, next.Depth);
            if (deepest > MaxDepth) break;
            foreach (var child in next.Element.Children) pending.Push((child, next.Depth + 1));
        }
        return deepest;
    }

    /// <summary>&lt;meta name="robots" content="noarchive"&gt; (any case, among other directives).</summary>
    private static bool AsksNoArchive(IHtmlDocument document) =>
        document.QuerySelectorAll("meta[name]")
            .Where(m => string.Equals(m.GetAttribute("name")?.Trim(), "robots", StringComparison.OrdinalIgnoreCase))
            .Any(m => HasNoArchive(m.GetAttribute("content")));

    /// <summary>A robots directive list ("noindex, noarchive"; an X-Robots-Tag may name a bot first:
    /// "otherbot: noarchive").</summary>
    public static bool HasNoArchive(string? directives) =>
        directives is not null && directives.Split([',', ' ', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Any(d => d.Equals("noarchive", StringComparison.OrdinalIgnoreCase));

    /// <summary>At the last block boundary before the cap when there is one in its second half, else at the cap
    /// (never inside a surrogate pair).</summary>
    internal static (string Text, bool Truncated) Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars) return (text, false);
        var cut = text.LastIndexOf("\n\n", maxChars, StringComparison.Ordinal);
        if (cut < maxChars / 2) cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return (text[..cut].TrimEnd(), true);
    }

    internal static string? Clean(string? text) => Whitespace.CollapseOrNull(text);

    internal static string? Short(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static DateTimeOffset? Published(DateTime? date) => date switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local).ToUniversalTime(),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc)),
    };

    private static string? ImageAddress(string? image, Uri page) =>
        !string.IsNullOrWhiteSpace(image) && Uri.TryCreate(page, image.Trim(), out var uri)
            && Urls.UrlNormalizer.IsWebAddress(uri)
            && uri.AbsoluteUri.Length <= 2000 ? uri.AbsoluteUri : null;
}
