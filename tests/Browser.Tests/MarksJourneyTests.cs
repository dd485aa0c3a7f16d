using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>What is new for a member (issue 24 §3), laid over the shared pages by reader.js.</summary>
public partial class MarksJourneyTests(TestDatabase server, Browser browser)
{
    private const string ThreeNew = "\n* [New one](https://new.example/one)\n* [New two](https://new.example/two)\n" +
        "* [New three](https://new.example/three)\n";

    [Fact]
    public async Task New_marks_after_an_import_of_three_are_cleared_by_Mark_all_as_read_for_that_member_only()
    {
        // Otherwise: a member is never shown what the team added since they last looked, "Mark all as read" does
        // nothing, one member's click clears another's marks, or the page they share is no longer one copy.
        await using var portal = await LivePortal.StartAsync(server);
        var (first, firstContext) = await MemberAsync(portal, "first@example.org");
        var (second, secondContext) = await MemberAsync(portal, "second@example.org");
        await using var _ = firstContext;
        await using var __ = secondContext;

        await portal.ImportAsync(await File.ReadAllTextAsync(RepoRoot.Seed) + ThreeNew);
        string slug;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync())
            slug = await db.Entries.Where(e => e.Url == "https://new.example/one").Select(e => e.Section.Slug)
                .SingleAsync();
        var section = $"/sections/{slug}";

        await first.GotoAsync("/");
        var count = first.Locator($"nav.toc a[href='{section}'] + .new-count");
        await Assertions.Expect(count).ToHaveTextAsync("3 new");
        await first.GotoAsync(section);
        await Assertions.Expect(first.Locator(".new-mark")).ToHaveCountAsync(3);
        await first.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(first.Locator(".new-mark")).ToHaveCountAsync(0);
        await MarksLaidAsync(first, "/");
        await Assertions.Expect(first.Locator(".new-count")).ToHaveCountAsync(0);

        await second.GotoAsync("/");
        await Assertions.Expect(second.Locator($"nav.toc a[href='{section}'] + .new-count")).ToHaveTextAsync("3 new");
        await second.GotoAsync(section);
        await Assertions.Expect(second.Locator(".new-mark")).ToHaveCountAsync(3);

        // Both were sent the same page: the marks are the script's, not the page's (Blazor's component state, made
        // afresh for each signed-in response in public mode, aside).
        var firstPage = await (await firstContext.APIRequest.GetAsync(section)).TextAsync();
        var secondPage = await (await secondContext.APIRequest.GetAsync(section)).TextAsync();
        Assert.Equal(WithoutComponentState(firstPage), WithoutComponentState(secondPage));
        Assert.DoesNotContain("new-mark", firstPage);
    }

    private async Task<(IPage Page, IBrowserContext Context)> MemberAsync(LivePortal portal, string email)
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, Editors.Password);
            Assert.True(created.Succeeded);
        }
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await Editors.SignInAsync(page, "/", email);
        // The first visit: nothing is new yet, and what comes later is.
        await MarksLaidAsync(page, "/");
        return (page, context);
    }

    private static Task MarksLaidAsync(IPage page, string path) => page.RunAndWaitForResponseAsync(
        () => page.GotoAsync(path), response => response.Url.Contains("/account/marks", StringComparison.Ordinal));

    private static string WithoutComponentState(string html) => ComponentState().Replace(html, "");

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->$")]
    private static partial Regex ComponentState();
}
