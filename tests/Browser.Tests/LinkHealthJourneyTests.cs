using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Browser.Tests;

public class LinkHealthJourneyTests(TestDatabase server, Browser browser)
{
    [Fact]
    public async Task An_editor_signs_in_and_swaps_a_moved_link_for_its_new_address_in_one_click()
    {
        // Otherwise: the morning report says what moved, but fixing it takes a text editor and a re-import.
        await using var site = new FixtureServer((path, _) => path switch
        {
            "/moved" => Response(301, "Moved Permanently", "Location: /new-home\r\n"),
            _ => Response(200, "OK", "Content-Type: text/html\r\n", "<title>New home</title>"),
        });
        var list = $"# List\n\n## Moving\n\n* [Old home]({site.Url("/moved")})\n";
        await using var portal = await LivePortal.StartAsync(server, new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = "",
        }, list);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await roles.CreateAsync(new IdentityRole(Roles.Editor));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var editor = new IdentityUser { UserName = "ed@example.org", Email = "ed@example.org" };
            await users.CreateAsync(editor, "a long enough password");
            await users.AddToRoleAsync(editor, Roles.Editor);
            var jobs = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
            var run = (await jobs.StartAsync(CheckScope.List, CheckTrigger.Nightly, null, CancellationToken.None))!;
            for (var chunk = 0; chunk < run.ChunkCount; chunk++) await jobs.CheckChunkAsync(run.Id, chunk, CancellationToken.None);
        }
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/link-health");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Use the new URL" }).CountAsync());
        await page.GotoAsync("/account/login?ReturnUrl=%2Flink-health");
        await page.GetByLabel("Email").FillAsync("ed@example.org");
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAsync("**/link-health");
        // The browser still holds the anonymous copy of this page: it must not be shown again after signing in.
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Use the new URL" }).CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the new URL" }).ClickAsync();
        // Back on the report, which says what happened (the server left that for this browser, not in the address).
        await Assertions.Expect(page.Locator("p.notice[data-notice]")).ToContainTextAsync("is now");
        await page.LoadedAsync();
        Assert.Equal("/link-health", new Uri(page.Url).PathAndQuery);
        await Screenshots.SaveAsync(page, "link-health-editor");

        await page.GotoAsync("/sections/moving");
        Assert.Equal(site.Url("/new-home"), await page.GetByRole(AriaRole.Link, new() { Name = "Old home" }).GetAttributeAsync("href"));
    }
}
