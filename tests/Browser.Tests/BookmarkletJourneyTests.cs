using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Browser.Tests;

/// <summary>The "Add to the list" bookmarklet, run in Chromium on another site's page.</summary>
public class BookmarkletJourneyTests(TestDatabase server, Browser browser)
{
    private const string Password = "a long enough password";
    private const string Title = "Overlay notes <img src=x onerror=alert(1)> & more";

    [Fact]
    public async Task The_bookmarklet_on_another_sites_page_opens_the_add_page_with_its_address_and_title()
    {
        // Otherwise: an editor reading an article has to copy its address and title by hand, or a page's crafted
        // title runs script on the editor's add page.
        await using var site = new FixtureServer((_, _) => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n",
            "<html><head><title>Overlay notes &lt;img src=x onerror=alert(1)&gt; &amp; more</title></head>"
            + "<body><p>An article.</p></body></html>"));
        await using var portal = await LivePortal.StartAsync(server);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(Roles.Editor));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var editor = new IdentityUser { UserName = "ed@example.org", Email = "ed@example.org" };
            await users.CreateAsync(editor, Password);
            await users.AddToRoleAsync(editor, Roles.Editor);
        }
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/account/login?ReturnUrl=%2Fadmin");
        await page.GetByLabel("Email").FillAsync("ed@example.org");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAsync("**/admin");
        var bookmarklet = await page.GetByRole(AriaRole.Link, new() { Name = "Add to the list" }).GetAttributeAsync("href");
        Assert.StartsWith("javascript:", bookmarklet);

        // As the browser runs a bookmark: the address's percent escapes decoded, then the script on the open page.
        var article = site.Url("/article");
        await page.GotoAsync(article);
        var script = Uri.UnescapeDataString(bookmarklet!["javascript:".Length..]);
        await page.EvaluateAsync("code => { setTimeout(() => (0, eval)(code), 0); }", script);

        await page.ArrivedAsync($"{portal.BaseUrl}/admin/entries/new?url=**");
        await page.Locator("[data-circuit=connected]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByLabel("Web address")).ToHaveValueAsync(article);
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(Title);
        await Assertions.Expect(page.GetByTestId("preview-markdown")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(0, dialogs);
    }
}
