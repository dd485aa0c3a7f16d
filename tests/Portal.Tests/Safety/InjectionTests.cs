using ContainerNetLib.Portal.Infrastructure.Rendering;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>
/// Editors can write anything into the list, and imported lists come from anywhere: none of the
/// payloads in xss-payloads.md may reach a reader's browser in executable form.
/// </summary>
[Collection(PortalCollection.Name)]
public class InjectionTests(TestDatabase server)
{
    private static readonly string PayloadFile = Path.Combine(AppContext.BaseDirectory, "Safety", "xss-payloads.md");

    public static TheoryData<string> Payloads() => new(PayloadLines());

    internal static IEnumerable<string> PayloadLines() =>
        File.ReadAllLines(PayloadFile).Where(l => l.StartsWith("* ", StringComparison.Ordinal)).Select(l => l[2..]);

    private static readonly string References = string.Join('\n', File.ReadAllLines(PayloadFile).Where(l => l.StartsWith('[') && l.Contains("]:")));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_renderer_never_emits_executable_html(string payload)
    {
        var html = new SafeMarkdown().RenderInline(payload, References);
        var document = Html.Parse($"<div id=root>{html}</div>");
        HtmlSafety.AssertNothingExecutable(document.GetElementById("root")!);
    }

    [Fact]
    public void There_are_at_least_forty_payloads()
    {
        Assert.True(Payloads().Count >= 40);
    }

    [Fact]
    public async Task Imported_payloads_never_reach_the_page_and_deep_nesting_is_refused_naming_its_line()
    {
        // Otherwise: one hostile bullet in an imported list runs script in every reader's browser, or holds the import.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        var list = await File.ReadAllTextAsync(PayloadFile);
        foreach (var deep in new[] { new string('[', 100_000) + " deep brackets", new string('>', 100_000) + " quotes" })
        {
            var refused = await Assert.ThrowsAsync<Domain.ReadingLists.RefusedMarkdownException>(() =>
                app.ImportAsync(list.Replace("* [ok link]", "* " + deep + "\n* [ok link]")));
            Assert.Contains("the limit of 32", refused.Message);
        }
        var summary = await app.ImportAsync(list);
        Assert.True(summary.Counts.Entries >= 49);

        var response = await app.Client().GetAsync("/sections/injection-attempts");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var article = page.QuerySelector("article.section")!;
        HtmlSafety.AssertNothingExecutable(article);
        Assert.Equal(summary.Counts.Entries, article.QuerySelectorAll("[data-entry-id]").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => !(s.GetAttribute("src") ?? "").StartsWith("/js/reader.", StringComparison.Ordinal));
        var safe = article.QuerySelectorAll("a").Single(a => a.TextContent == "ok link");
        Assert.Equal("https://example.org/safe", safe.GetAttribute("href"));
    }
}

[Collection(PortalCollection.Name)]
public class RefusedLinkTests(TestDatabase server)
{
    [Theory]
    [InlineData("[Pwned](javascript:alert(1))", "Pwned")]
    [InlineData("See [the tutorial](vbscript:msgbox) first", "the tutorial")]
    [InlineData("[Data](data:text/html;base64,PHNjcmlwdD4=) and [ok](https://ok.example/)", "Data")]
    [InlineData("![A diagram](javascript:alert(1))", "A diagram")]
    public void A_refused_link_renders_its_text_without_a_link(string markdown, string text)
    {
        // Otherwise: the reader sees a link that leads back to the page itself (href="") and wonders where it went.
        var html = new ContainerNetLib.Portal.Infrastructure.Rendering.SafeMarkdown().RenderInline(markdown);
        Assert.Contains(text, html);
        Assert.DoesNotContain("href=\"\"", html);
        Assert.DoesNotContain("src=\"\"", html);
        Assert.DoesNotContain(">" + text + "</a>", html);
        Assert.DoesNotContain("javascript", html);
    }

    [Fact]
    public async Task An_entry_filed_with_a_javascript_address_shows_as_text_on_its_section_in_search_and_home()
    {
        // Otherwise: a page offers a link to nowhere (or to script) for an entry someone filed with a javascript:
        // address. It has no address (one rule: http or https), so a search result leads to its place in the list.
        await using var app = await PortalApp.StartAsync(server);
        var seed = await File.ReadAllTextAsync(RepoRoot.Seed);
        await app.ImportAsync(seed.Replace("## Overview\n\n",
            "## Overview\n\n* [Zanzibar trick](javascript:alert(1))\n"));
        var client = app.Client();
        var search = await Eventually.ReadAsync(() => client.GetStringAsync("/search?q=zanzibar"),
            h => h.Contains("Zanzibar", StringComparison.Ordinal), "search never found the new entry");
        Assert.Single(Html.Parse(search).QuerySelectorAll("a.result-title[href^='/sections/overview#e-']"));
        var section = await client.GetStringAsync("/sections/overview");
        foreach (var html in new[] { await client.GetStringAsync("/"), section, search })
        {
            var page = Html.Parse(html);
            var named = page.QuerySelectorAll("a").Where(a => a.TextContent.Contains("Zanzibar", StringComparison.Ordinal));
            Assert.All(named, a => Assert.StartsWith("/sections/overview#e-", a.GetAttribute("href")));
            Assert.Empty(page.QuerySelectorAll("a[href='']"));
            Assert.DoesNotContain("javascript:", page.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var html in new[] { section, search })
            Assert.Contains("Zanzibar trick",
                Html.Parse(html).Body!.TextContent.Replace("\n", " ", StringComparison.Ordinal));
    }
}
