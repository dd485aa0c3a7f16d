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
        // What a passage written in HTML also uses; none of them carries an attribute the list below allows.
        "b", "i", "div", "span",
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
            if (e.Node is not AngleSharp.Dom.IElement element) return;
            if (element.LocalName == "a")
            {
                // Raw HTML in a passage never passed the syntax tree's check; hold its links to the same policy. A
                // refused one (its href may already be gone) becomes its text, as a refused Markdown link does.
                var href = element.GetAttribute("href");
                if (LinkPolicy.Allowed(href, image: false).Length == 0)
                    foreach (var child in element.ChildNodes.ToList()) e.ReplacementNodes.Add(child);
                else if (Domain.Urls.UrlNormalizer.IsWebAddress(href!))
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            else if (element.LocalName == "img" && LinkPolicy.Allowed(element.GetAttribute("src"), image: true)
                         .Length == 0)
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(element.GetAttribute("alt") ?? ""));
            }
        };
        return sanitizer;
    }
}
