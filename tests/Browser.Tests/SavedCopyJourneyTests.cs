using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Browser.Tests;

public class SavedCopyJourneyTests(TestDatabase server, Browser browser)
{
    private static object Html(string body) => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", body);

    [Fact]
    public async Task A_reader_at_a_broken_link_opens_its_saved_copy_and_a_hostile_copy_runs_no_script()
    {
        // Otherwise: the reader at a dead link cannot reach the kept text, or a linked page's script runs on our
        // origin when its copy is opened.
        await using var site = new FixtureServer((path, n) => path switch
        {
            // Answers the first night's check, whose body makes its copy (one request a night), then is gone.
            "/dies" when n <= 1 => Html(CopyPages.Article("The article that died")),
            "/evil" => Html(CopyPages.Injection),
            _ => Response(404, "Not Found"),
        });
        var list = $"# List\n\n## Reading\n\n* [Dies]({site.Url("/dies")})\n* [Evil]({site.Url("/evil")})\n";
        await using var portal = await LivePortal.StartAsync(server, new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:RetryBaseDelay"] = "00:00:00.010",
        }, list);
        // Broken after two failed nights in a row (the default).
        for (var night = 0; night < 3; night++) await RunAndCopyAsync(portal.Services);
        await using var context = await browser.Instance.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        var dies = page.Locator("li.entry", new() { HasText = "Dies" });
        // Kept reader pages are dropped when PostgreSQL's notification arrives: moments after the run, not at once.
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/sections/reading");
            return await dies.Locator(".link-badge-broken").CountAsync() == 1;
        }, "the dead link never showed its broken badge");
        await dies.GetByRole(AriaRole.Link, new() { Name = "read the saved copy" }).ClickAsync();
        await page.ArrivedAsync("**/entries/*/saved");
        Assert.StartsWith("The article that died", await page.Locator("article.saved-copy-page h1").TextContentAsync());
        Assert.Contains(CopyPages.ArticleWords, await page.Locator(".saved-text").TextContentAsync());
        await Screenshots.SaveAsync(page, "saved-copy");

        await page.GotoAsync("/sections/reading");
        await page.Locator("li.entry", new() { HasText = "Evil" }).Locator("a.saved-copy").ClickAsync();
        await page.ArrivedAsync("**/entries/*/saved");
        await page.LoadedAsync();
        Assert.Contains(CopyPages.Payload, await page.Locator(".saved-text").TextContentAsync());
        Assert.Equal(0, await page.Locator("article.saved-copy-page script, article.saved-copy-page img, " +
            "article.saved-copy-page iframe").CountAsync());
        // No element of the copy carries an event handler, and clicking the paragraph that had an onclick raises
        // nothing.
        Assert.Equal(0, await page.EvaluateAsync<int>("""
            [...document.querySelectorAll('article.saved-copy-page *')]
              .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length
            """));
        await page.Locator(".saved-text p", new() { HasText = "A paragraph" }).ClickAsync();
        Assert.Empty(dialogs);
    }

    private static async Task RunAndCopyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var checks = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        var copies = scope.ServiceProvider.GetRequiredService<SavedCopyJobs>();
        var run = (await checks.StartAsync(CheckScope.List, CheckTrigger.Nightly, null, CancellationToken.None))!;
        for (var chunk = 0; chunk < run.ChunkCount; chunk++)
        {
            await checks.CheckChunkAsync(run.Id, chunk, CancellationToken.None);
            await copies.SaveChunkAsync(run.Id, chunk, CancellationToken.None);
        }
    }
}
