using Ganss.Xss;

namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>HtmlSanitizer allowing only what a reading list renders to: no forms, no style, no scripts, no
/// frames.</summary>
public static class ReadingListSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "p", "em", "strong", "del", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img",
    ];

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "src", "alt", "title", "start", "align"],
                StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.GetAttribute("href") is { } href &&
                Domain.Urls.UrlNormalizer.IsWebAddress(href))
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
