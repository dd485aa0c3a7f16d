using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>Search inside the saved copies of the linked pages, in Chromium against the real portal.</summary>
public class PageSearchJourneyTests(TestDatabase server, Browser browser)
{
    private const string Title = "Getting started with Calico on Kubernetes";
    private const string PageText = "# Calico\n\nCalico routes pod traffic with BGP.\n\nEach node runs a quetzalcoatl "
        + "daemon in this made-up page, a word no entry of the list has.";

    [Fact]
    public async Task Search_finds_an_entry_by_a_word_that_appears_only_in_its_saved_page()
    {
        // Otherwise: a reader who remembers a phrase from inside an article cannot find the entry that links it.
        await using var portal = await LivePortal.StartAsync(server);
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
                         .CreateDbContextAsync())
        {
            var entry = await db.Entries.SingleAsync(e => e.Title == Title);
            db.SavedCopies.Add(new SavedCopy
            {
                NormalizedUrl = entry.NormalizedUrl!, Number = 1, SavedAt = DateTimeOffset.UtcNow, Url = entry.Url!,
                FinalUrl = entry.Url!, Host = new Uri(entry.Url!).Host, Title = Title, Text = PageText,
                ContentHash = CopyText.Hash(PageText), WordCount = CopyText.WordCount(PageText),
            });
            await db.SaveChangesAsync();
        }
        await using var context = await browser.Instance.NewContextAsync(new() { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#site-search").FillAsync("quetzalcoatl");
        await page.Locator("#site-search").PressAsync("Enter");
        await page.ArrivedAsync("**/search?q=quetzalcoatl");

        var result = page.Locator(".result");
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator(".result-title")).ToHaveTextAsync(Title);
        await Assertions.Expect(result.Locator(".found-in")).ToContainTextAsync("Found in the page");
        await Assertions.Expect(result.Locator(".passage mark")).ToHaveTextAsync("quetzalcoatl");
        await Screenshots.SaveAsync(page, "search-found-in-the-page");
    }
}
