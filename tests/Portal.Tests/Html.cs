using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContainerNetLib.Portal.Tests;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string? Meta(this IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");
}
