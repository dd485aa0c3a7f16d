using ContainerNetLib.Domain.ReadingLists;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>
/// Markdown from the list to HTML a reader's browser can trust. Three layers, because each alone
/// has known holes: Markdig with raw HTML off (except in passages) and only the extensions a list needs (never
/// the advanced set, whose generic attributes let <c>{onclick=...}</c> through); link and image URLs
/// checked on the syntax tree (DisableHtml alone lets <c>javascript:</c> links through); then
/// HtmlSanitizer cut down to what a reading list uses, which also holds raw HTML's addresses to LinkPolicy.
/// </summary>
public sealed class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Builder().DisableHtml().Build();

    /// <summary>A passage is shown as written, and some are written in HTML (<c>&lt;a href&gt;Name&lt;/a&gt;
    /// - description&lt;br&gt;</c>): its raw HTML goes through, and the sanitiser is what makes it safe.</summary>
    private static readonly MarkdownPipeline PassagePipeline = Builder().Build();

    private static MarkdownPipelineBuilder Builder() => new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough);

    private readonly HtmlSanitizer _sanitizer = ReadingListSanitizer.Create();

    /// <summary>A block of Markdown (a section's intro).</summary>
    public string RenderBlock(string markdown, string? referenceDefinitions = null) =>
        Render(markdown, referenceDefinitions, inline: false, Pipeline);

    /// <summary>A passage: a block whose raw HTML is shown as HTML, sanitised.</summary>
    public string RenderPassage(string markdown, string? referenceDefinitions = null) =>
        Render(markdown, referenceDefinitions, inline: false, PassagePipeline);

    /// <summary>One bullet's text, without the surrounding paragraph.</summary>
    public string RenderInline(string markdown, string? referenceDefinitions = null) =>
        Render(markdown, referenceDefinitions, inline: true, Pipeline);

    private string Render(string markdown, string? referenceDefinitions, bool inline, MarkdownPipeline pipeline)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var source = referenceDefinitions is { Length: > 0 } ? markdown + "\n\n" + referenceDefinitions : markdown;
        MarkdownDocument document;
        try
        {
            // What the parser refuses (an editor's preview as they type, a row stored before the limits) is not
            // parsed here either: its cost grows faster than its length.
            if (MarkdownLimits.Find(source) is not null) return AsText(markdown, inline);
            document = Markdown.Parse(source, pipeline);
        }
        catch (Exception e) when (NestingGuard.IsDepthLimit(e))
        {
            return AsText(markdown, inline);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList()) Check(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList()) Neutralise(autolink);

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer) { ImplicitParagraph = inline };
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>The text as written, encoded: what a reader sees of Markdown that is not rendered.</summary>
    private static string AsText(string markdown, bool inline)
    {
        var text = System.Net.WebUtility.HtmlEncode(markdown);
        return inline ? text : $"<p>{text}</p>";
    }

    /// <summary>
    /// A link whose address is refused (javascript: and the like) becomes its text, without a link: an empty
    /// href would lead back to the page itself. A refused image becomes its description.
    /// </summary>
    private static void Check(LinkInline link)
    {
        var allowed = LinkPolicy.Allowed(link.Url, link.IsImage);
        if (allowed.Length > 0)
        {
            link.Url = allowed;
            return;
        }
        for (var child = link.FirstChild; child is not null; child = link.FirstChild)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    /// <summary>An autolink whose address is refused becomes its plain text.</summary>
    private static void Neutralise(AutolinkInline autolink)
    {
        var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        if (LinkPolicy.Allowed(url, image: false).Length > 0) return;
        autolink.ReplaceBy(new LiteralInline(autolink.Url));
    }
}
