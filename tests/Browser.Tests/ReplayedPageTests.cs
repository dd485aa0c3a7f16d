using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Tests.Shared.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Browser.Tests.Editors;

namespace ContainerNetLib.Browser.Tests;

/// <summary>
/// An interactive page's HTML, as the portal served it to one person, opened in another person's browser: Blazor's
/// script there starts the page's live connection from the captured start-up token, with that browser's own cookies
/// (or none). Only the account as it is now decides what that page may do.
/// </summary>
public class ReplayedPageTests(TestDatabase server, Browser browser)
{
    private const string List = """
        # Containers

        ## Overlays

        * 2020-01-01: [First overlay post](https://first.example/) by Ann

        """;

    private const string Admin = "admin@example.org";
    private const string Editor = "ed@example.org";
    private const string Reader = "reader@example.org";

    [Fact]
    public async Task An_administrators_users_page_replayed_to_an_editor_a_reader_or_no_one_adds_no_administrator()
    {
        // Otherwise: an editor who gets hold of the page an administrator was served makes themselves, or anyone,
        // an administrator.
        await using var portal = await StartAsync();
        await using var people = await PeopleAsync(portal);
        var html = await CapturedAsync(people.Admin, "/admin/users");

        foreach (var (who, context) in people.Without(Admin))
        {
            var before = await portal.Database.EveryRowAsync();
            var page = await ReplayAsync(context, portal, "/admin/users", html);
            if (await StartedAsync(page))
            {
                await page.GetByLabel("Email").FillAsync($"mallory-{who.Replace(' ', '-')}@example.org");
                await page.GetByLabel("Role").SelectOptionAsync(Roles.Admin);
                await page.GetByLabel("First password").FillAsync("a long enough password too");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
                await page.Locator(".status-line").WaitForAsync();
            }

            await AssertSentAwayAsync(page, who, "/admin/users");
            Assert.Equal(before, await portal.Database.EveryRowAsync());
        }
        Assert.False(await portal.Database.Open().Users.AnyAsync(u => u.Email!.StartsWith("mallory")));
    }

    [Fact]
    public async Task An_editors_entry_page_replayed_to_a_reader_or_no_one_saves_nothing_and_to_an_editor_as_them()
    {
        // Otherwise: a signed-in reader, or in public mode anyone at all, changes the list through an editor's page,
        // and history names no one ("unknown").
        await using var portal = await StartAsync();
        await using var people = await PeopleAsync(portal);
        var entry = await EntryIdAsync(portal);
        var address = $"/admin/entries/{entry}";
        var html = await CapturedAsync(people.Admin, address);

        foreach (var (who, context) in people.Without(Admin, Editor))
        {
            var before = await portal.Database.EveryRowAsync();
            var page = await ReplayAsync(context, portal, address, html);
            if (await StartedAsync(page)) await SaveAsync(page, $"changed by {who}");

            await AssertSentAwayAsync(page, who, address);
            Assert.Equal(before, await portal.Database.EveryRowAsync());
        }

        var editorsPage = await ReplayAsync(people.Editor, portal, address, html);
        Assert.True(await StartedAsync(editorsPage), "the page did not start for an editor");
        await SaveAsync(editorsPage, "changed by the editor");
        await Assertions.Expect(editorsPage.Locator(".status-line").Filter(new() { HasText = "Saved." }))
            .ToBeVisibleAsync();
        await using var db = portal.Database.Open();
        var change = await db.ContentChanges.Where(c => c.EntryId == entry).OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(Editor, change.UserName);
        Assert.Contains("changed by the editor", change.After);
    }

    [Fact]
    public async Task Every_interactive_page_replayed_to_each_person_starts_only_for_those_its_policy_admits()
    {
        // Otherwise: a page added later, or one of today's, runs for whoever replays what another person was served.
        await using var portal = await StartAsync();
        await using var people = await PeopleAsync(portal);
        var entry = await EntryIdAsync(portal);
        int section;
        await using (var db = portal.Database.Open())
        {
            section = await db.Sections.Select(s => s.Id).FirstAsync();
            await InteractivePages.WaitingSuggestionAsync(db, entry, section);
        }
        var before = await portal.Database.EveryRowAsync();

        var wrong = new List<string>();
        foreach (var page in InteractivePages.All)
        {
            var address = page.Address(entry, section);
            var html = await CapturedAsync(people.Admin, address);
            foreach (var (who, context) in people.All)
            {
                var admitted = who == Admin || who == Editor && !page.ForAdministrators;
                var replayed = await ReplayAsync(context, portal, address, html);
                var started = await StartedAsync(replayed);
                if (started != admitted) wrong.Add($"{address} for {who}: {(started ? "started" : "refused")}");
                else if (!started && !await SaidSoAsync(replayed))
                    wrong.Add($"{address} for {who}: refused without saying so ({replayed.Url})");
                await replayed.CloseAsync();
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await portal.Database.EveryRowAsync());
    }

    [Fact]
    public async Task An_open_entry_page_whose_account_is_removed_saves_nothing_at_once_and_keeps_the_text()
    {
        // Otherwise: a removed editor's open page keeps saving for minutes, or the refusal throws away what they typed.
        await using var portal = await StartAsync();
        await using var people = await PeopleAsync(portal);
        var entry = await EntryIdAsync(portal);
        var page = await people.Editor.NewPageAsync();
        await OpenAsync(page, $"/admin/entries/{entry}");
        // Open means the page has started and shows its form: the live connection is up before the page has checked
        // its account, and a removal in between is the refusal at the start, another test's case.
        await Assertions.Expect(page.GetByLabel("Markdown of the entry")).ToBeVisibleAsync();

        await RemoveAsync(portal, Editor);
        var before = await portal.Database.EveryRowAsync();
        const string typed = "2020-01-01: [First overlay post, typed after removal](https://first.example/) by Ann";
        await page.GetByLabel("Markdown of the entry").FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var notice = page.GetByTestId("session-ended");
        await Assertions.Expect(notice).ToContainTextAsync(SessionEnded.Sentence);
        await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }))
            .ToHaveAttributeAsync("href", SessionEnded.SignInAgain($"/admin/entries/{entry}"));
        await Assertions.Expect(page.Locator(".status-line").Filter(new() { HasText = "Nothing was done" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Markdown of the entry")).ToHaveValueAsync(typed);
        await Screenshots.SaveAsync(page, "editor-session-ended");
        Assert.Equal(before, await portal.Database.EveryRowAsync());
    }

    private async Task<LivePortal> StartAsync()
    {
        var portal = await LivePortal.StartAsync(server, [], List);
        await using var scope = portal.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All) await roles.CreateAsync(new IdentityRole(role));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var (email, role) in new[] { (Admin, Roles.Admin), (Editor, Roles.Editor), (Reader, null) })
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            if (role is not null) await users.AddToRoleAsync(user, role);
        }
        return portal;
    }

    /// <summary>A browser for each: the administrator, an editor, a reader, and someone with no account.</summary>
    private async Task<People> PeopleAsync(LivePortal portal)
    {
        var contexts = new List<(string Who, IBrowserContext Context)>();
        foreach (var who in new[] { Admin, Editor, Reader, "no one" })
        {
            var context = await browser.Instance.NewContextAsync(
                new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
            if (who.Contains('@', StringComparison.Ordinal))
                await SignInAsync(await context.NewPageAsync(), who == Reader ? "/" : "/admin", who);
            contexts.Add((who, context));
        }
        return new People(contexts);
    }

    private sealed class People(List<(string Who, IBrowserContext Context)> all) : IAsyncDisposable
    {
        public IReadOnlyList<(string Who, IBrowserContext Context)> All => all;
        public IBrowserContext Admin => all.Single(p => p.Who == ReplayedPageTests.Admin).Context;
        public IBrowserContext Editor => all.Single(p => p.Who == ReplayedPageTests.Editor).Context;

        public IEnumerable<(string Who, IBrowserContext Context)> Without(params string[] who) =>
            all.Where(p => !who.Contains(p.Who));

        public async ValueTask DisposeAsync()
        {
            foreach (var (_, context) in all) await context.DisposeAsync();
        }
    }

    /// <summary>The page as the portal sends it to <paramref name="owner"/>, start-up token included.</summary>
    private static async Task<string> CapturedAsync(IBrowserContext owner, string address)
    {
        var response = await owner.APIRequest.GetAsync(address);
        Assert.Equal(200, response.Status);
        var html = await response.TextAsync();
        Assert.Contains("<!--Blazor:", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>Opens <paramref name="address"/> in <paramref name="context"/>'s browser, answered with the captured
    /// HTML; everything else (Blazor's script, its live connection) goes to the portal with that browser's cookies.
    /// </summary>
    private static async Task<IPage> ReplayAsync(IBrowserContext context, LivePortal portal, string address,
        string html)
    {
        var page = await context.NewPageAsync();
        await page.RouteAsync(portal.BaseUrl + address, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Body = html,
        }), new PageRouteOptions { Times = 1 });
        await page.GotoAsync(address);
        return page;
    }

    /// <summary>True once the page's live connection runs it; false once the browser was sent away.</summary>
    private static async Task<bool> StartedAsync(IPage page) => await Eventually.ReadAsync(async () =>
        {
            if (new Uri(page.Url).AbsolutePath == SessionEnded.PagePath) return false;
            try
            {
                return await page.Locator("[data-circuit=connected]").CountAsync() > 0 ? true : (bool?)null;
            }
            catch (PlaywrightException)
            {
                return null; // the page was navigating away as it was asked
            }
        }, started => started is not null, $"{page.Url} neither started nor was refused", TimeSpan.FromSeconds(20))
        ?? false;

    private static async Task<bool> SaidSoAsync(IPage page)
    {
        await page.LoadedAsync();
        return (await page.GetByTestId("session-ended").TextContentAsync())?.Contains(SessionEnded.Sentence) == true;
    }

    private static async Task AssertSentAwayAsync(IPage page, string who, string address)
    {
        await page.ArrivedAsync($"**{SessionEnded.PageFor(address)}");
        Assert.True(await SaidSoAsync(page), $"{who} was sent away without the sentence");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }))
            .ToHaveAttributeAsync("href", SessionEnded.SignInAgain(address));
    }

    private static async Task SaveAsync(IPage page, string description)
    {
        var markdown = page.GetByLabel("Markdown of the entry");
        await markdown.FillAsync($"2020-01-01: [First overlay post](https://first.example/) by Ann: {description}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.Locator(".status-line").WaitForAsync();
    }

    private static async Task RemoveAsync(LivePortal portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(email))!)).Succeeded);
    }

    private static async Task<long> EntryIdAsync(LivePortal portal)
    {
        await using var db = portal.Database.Open();
        return await db.Entries.Where(e => e.Title == "First overlay post").Select(e => e.Id).SingleAsync();
    }
}
