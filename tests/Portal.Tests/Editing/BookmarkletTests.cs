using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>"Add to the list" from any page: the bookmarklet on /admin and the add page's query.</summary>
[Collection(PortalCollection.Name)]
public class BookmarkletTests(TestDatabase database)
{
    private static string AddPage(string url, string title) =>
        $"{Bookmarklet.AddPage}?url={Uri.EscapeDataString(url)}&title={Uri.EscapeDataString(title)}";

    [Fact]
    public async Task The_add_page_fills_in_the_address_and_title_from_the_query_as_text()
    {
        // Otherwise: the bookmarklet opens an empty form, or a page whose title holds markup runs script in the
        // editor's signed-in session.
        await using var app = await PortalApp.StartAsync(database);
        var editor = await app.SignedInAsync(Roles.Editor);
        const string title = "Overlays <script>alert('x')</script> & <b>bold</b>";
        var response = await editor.GetAsync(AddPage("https://blog.example/overlays?a=1&b=2", title));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://blog.example/overlays?a=1&b=2", page.QuerySelector("#new-url")!.GetAttribute("value"));
        Assert.Equal(title, page.QuerySelector("#new-title")!.GetAttribute("value"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("main b"));
        Assert.Null(page.QuerySelector("[data-testid=form-errors]"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("not an address")]
    public async Task An_address_that_is_not_a_web_page_gets_the_add_pages_message_and_stays_for_correcting(string url)
    {
        // Otherwise: the bookmarklet, used on a local file or a browser page, gives a form that looks fine and
        // fails only at saving, or drops what was sent.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var editor = await app.SignedInAsync(Roles.Editor);
        var page = Html.Parse(await editor.GetStringAsync(AddPage(url, "Some page")));
        Assert.Equal(LinkPrefill.NotAWebAddress, page.QuerySelector("[data-testid=form-errors]")?.TextContent.Trim());
        Assert.Equal(url, page.QuerySelector("#new-url")!.GetAttribute("value"));
        Assert.Equal("Some page", page.QuerySelector("#new-title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_editors_home_offers_the_bookmarklet_for_this_sites_add_page()
    {
        // Otherwise: editors have nothing to drag to their bookmarks bar, or the bookmarklet sends pages to another
        // host's add page.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var editor = await app.SignedInAsync(Roles.Editor);
        var link = Html.Parse(await editor.GetStringAsync("/admin")).QuerySelector("[data-testid=bookmarklet]")!;
        Assert.Equal("Add to the list", link.TextContent.Trim());
        Assert.Equal(Bookmarklet.For("https://localhost/"), link.GetAttribute("href"));
        Assert.StartsWith("javascript:", link.GetAttribute("href"));
        Assert.Contains("\"https://localhost/admin/entries/new?url=\"", link.GetAttribute("href"));
    }
}
