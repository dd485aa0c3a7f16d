using ContainerNetLib.Portal.Infrastructure.Rendering;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>
/// A passage (a paragraph, quote or HTML block with links) is shown as written: none of the payloads in
/// xss-payloads.md written into one may reach a reader's browser in executable form.
/// </summary>
[Collection(PortalCollection.Name)]
public class PassageInjectionTests(TestDatabase server)
{
    /// <summary>Each payload three ways: in a Markdown paragraph, in an HTML block of its own, in a block quote,
    /// each beside a web link so that it is read as a passage.</summary>
    private static IEnumerable<string> Passages() => InjectionTests.PayloadLines().SelectMany((payload, i) => new[]
        {
            $"{payload} and [ok](https://ok.example/p{i})",
            $"<p>{payload} <a href=\"https://ok.example/h{i}\">ok</a></p>",
            $"> {payload} and <https://ok.example/q{i}>",
        });

    [Fact]
    public void The_block_renderer_never_emits_executable_html_for_a_passage()
    {
        // Otherwise: a paragraph in an imported guide runs script in every reader's browser.
        var renderer = new SafeMarkdown();
        foreach (var passage in Passages())
        {
            var document = Html.Parse($"<div id=root>{renderer.RenderPassage(passage)}</div>");
            HtmlSafety.AssertNothingExecutable(document.GetElementById("root")!);
        }
    }

    [Fact]
    public async Task Imported_passages_holding_payloads_are_shown_without_anything_executable()
    {
        // Otherwise: an imported list written in prose or HTML is a way to run script on the portal's origin.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        var summary = await app.ImportAsync("# Hostile prose\n\n" + string.Join("\n\n", Passages()) + "\n");

        var response = await app.Client().GetAsync("/sections/hostile-prose");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var article = page.QuerySelector("article.section")!;
        HtmlSafety.AssertNothingExecutable(article);
        Assert.True(article.QuerySelectorAll(".entry-passage").Length >= 100,
            $"only {article.QuerySelectorAll(".entry-passage").Length} passages of {summary.Counts.Entries} entries");
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s =>
            !(s.GetAttribute("src") ?? "").StartsWith("/js/reader.", StringComparison.Ordinal));
        // The links beside the payloads still lead where they say, the raw HTML ones included.
        foreach (var shape in new[] { "p", "h", "q" })
            Assert.Contains(article.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith(
                $"https://ok.example/{shape}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_address_in_a_passages_raw_html_leaves_its_text_and_an_image_its_description()
    {
        // Otherwise: an HTML-written passage links a reader to javascript: or off the site without a scheme check,
        // or shows an image from a data: address.
        var html = new SafeMarkdown().RenderPassage(
            "<a href=\"java&#09;script:alert(1)\">one</a> <a href=\"//evil.example/\">two</a> " +
            "<img src=\"data:image/png;base64,AAAA\" alt=\"pic\"> <a href=\"https://ok.example/\">three</a>");

        var root = Html.Parse($"<div id=root>{html}</div>").GetElementById("root")!;
        Assert.Equal(["https://ok.example/"], root.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(root.QuerySelectorAll("img"));
        Assert.Equal("one two pic three", root.TextContent.Trim());
    }
}
