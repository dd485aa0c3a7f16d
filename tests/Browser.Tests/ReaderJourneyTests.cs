using ContainerNetLib.Tests.Shared;
using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

public class ReaderJourneyTests(TestDatabase server, Browser browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Mobile = new() { Width = 360, Height = 740 };

    private async Task<(LivePortal Portal, IBrowserContext Context, IPage Page)> OpenAsync(ViewportSize viewport, params string[] lists)
    {
        var portal = await LivePortal.StartAsync(server, lists);
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, BaseURL = portal.BaseUrl });
        return (portal, context, await context.NewPageAsync());
    }

    [Fact]
    public async Task From_the_table_of_contents_to_a_section_to_an_entry_anchor()
    {
        // Otherwise: a reader cannot get from the home page to a link, or a shared entry link lands at the top of the page.
        var (portal, context, page) = await OpenAsync(Desktop);
        await using var _ = portal;
        await using var __ = context;
        await page.GotoAsync("/");
        await Screenshots.SaveAsync(page, "home-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "vxlan, veth, bridges, namespaces, L2, L3, etc." }).ClickAsync();
        await page.ArrivedAsync("**/sections/vxlan-veth-bridges-namespaces-l2-l3-etc");
        Assert.Equal("vxlan, veth, bridges, namespaces, L2, L3, etc.", await page.Locator("h1").TextContentAsync());
        await Screenshots.SaveAsync(page, "section-desktop");

        var id = await page.Locator("[data-entry-id]").Nth(10).GetAttributeAsync("data-entry-id");
        await page.GotoAsync($"/entries/{id}");
        await page.ArrivedAsync($"**/sections/vxlan-veth-bridges-namespaces-l2-l3-etc#e-{id}");
        Assert.Equal($"e-{id}", await page.EvaluateAsync<string>("document.querySelector(':target').id"));
        Assert.True(await page.Locator($"#e-{id}").IsVisibleAsync());
    }

    [Fact]
    public async Task Search_with_a_typo_finds_the_entry()
    {
        var (portal, context, page) = await OpenAsync(Desktop);
        await using var _ = portal;
        await using var __ = context;
        await page.GotoAsync("/");
        await page.Locator("#site-search").FillAsync("calcio");
        await page.Locator("#site-search").PressAsync("Enter");
        await page.ArrivedAsync("**/search?q=calcio");
        await Assertions.Expect(page.Locator(".result-title").First).ToHaveTextAsync("Getting started with Calico on Kubernetes");
        await Screenshots.SaveAsync(page, "search-desktop");
    }

    [Fact]
    public async Task Copy_link_puts_the_entry_url_on_the_clipboard()
    {
        // Otherwise: the "#" beside an entry does nothing useful when a reader wants to share it.
        var (portal, context, page) = await OpenAsync(Desktop);
        await using var _ = portal;
        await using var __ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = portal.BaseUrl });
        await page.GotoAsync("/sections/overview");
        var entry = page.Locator("[data-entry-id]").First;
        var id = await entry.GetAttributeAsync("data-entry-id");
        await entry.Locator(".copy-link").First.ClickAsync();
        await Assertions.Expect(entry.Locator(".copy-link").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("copied"));
        Assert.Equal($"{portal.BaseUrl}/sections/overview#e-{id}", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Keyboard_alone_reaches_content_search_and_results()
    {
        // Otherwise: readers who do not use a mouse are stuck in the header.
        var (portal, context, page) = await OpenAsync(Desktop);
        await using var _ = portal;
        await using var __ = context;
        await page.GotoAsync("/sections/overview");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        for (var i = 0; i < 3 && await page.EvaluateAsync<string>("document.activeElement.id") != "site-search"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("site-search", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("veth");
        Assert.Equal("veth", await page.InputValueAsync("#site-search"));
        // Wait for the navigation the key starts, registered before the key is pressed.
        var navigation = page.ArrivedAsync("**/search?q=veth", timeout: 60_000);
        await page.Keyboard.PressAsync("Enter");
        await navigation;
        // Tab onwards until a result link has focus, then follow it with Enter.
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>("document.activeElement.classList.contains('result-title')"); i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.classList.contains('result-title')"));
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }

    [Fact]
    public async Task Pages_fit_a_360_pixel_phone_without_sideways_scrolling()
    {
        var (portal, context, page) = await OpenAsync(Mobile);
        await using var _ = portal;
        await using var __ = context;
        foreach (var (path, name) in new[] { ("/", "home-mobile"), ("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc", "section-mobile"), ("/search?q=network", "search-mobile") })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, $"{path} scrolls sideways");
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task A_wide_table_section_scrolls_inside_its_box_on_a_360_pixel_phone()
    {
        // Otherwise: a list kept in a wide table makes a phone's whole page scroll sideways, text and all.
        var wide = string.Join(" | ", Enumerable.Range(1, 6).Select(i => $"Column_{i}_with_a_long_unbroken_name"));
        var rows = string.Join("\n", Enumerable.Range(1, 3).Select(i =>
            $"| [API {i}](https://api{i}.example/) | {wide} |"));
        var delimiter = "|---|" + string.Concat(Enumerable.Repeat("---|", 6));
        var list = $"# APIs\n\n## Wide\n\n| API | {wide} |\n{delimiter}\n{rows}\n";
        var (portal, context, page) = await OpenAsync(Mobile, list);
        await using var _ = portal;
        await using var __ = context;
        await page.GotoAsync("/sections/wide");
        Assert.Equal(3, await page.Locator(".entry-table tbody tr").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>(
            "(() => { const box = document.querySelector('.entry-table'); " +
            "return box.scrollWidth > box.clientWidth; })()"),
            "the table is not wider than the phone, so this test proves nothing");
        var widths = await page.EvaluateAsync<int[]>(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth, " +
            "document.querySelector('.entry-table').getBoundingClientRect().width]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {string.Join(", ", widths)}");
        await Screenshots.SaveAsync(page, "table-section-mobile");
    }

    [Fact]
    public async Task Injected_payloads_never_run_script_in_the_browser()
    {
        // Otherwise: a hostile bullet runs code in every reader's browser.
        var payloads = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "xss-payloads.md"));
        var (portal, context, page) = await OpenAsync(Desktop, payloads);
        await using var _ = portal;
        await using var __ = context;
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await page.GotoAsync("/sections/injection-attempts", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await page.Locator("[data-entry-id]").CountAsync() >= 40);
        // Hovering and clicking every link is what a curious reader does.
        foreach (var link in await page.Locator("article a").AllAsync())
        {
            if (await link.GetAttributeAsync("href") is { } href && href.StartsWith("http", StringComparison.Ordinal)) continue;
            await link.HoverAsync();
        }
        await page.GotoAsync("/search?q=script");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(0, dialogs);
    }
}
