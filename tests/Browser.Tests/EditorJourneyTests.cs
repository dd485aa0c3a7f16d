using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Browser.Tests.Editors;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Browser.Tests;

/// <summary>An editor's day, end to end in Chromium against the real portal and PostgreSQL.</summary>
public class EditorJourneyTests(TestDatabase server, Browser browser)
{
    private const string Password = Editors.Password;

    private const string List = """
        # Containers

        ## Overlays

        * 2020-01-01: [First overlay post](https://first.example/) by Ann
        * 2020-02-01: [Second overlay post](https://second.example/) by Bob

        ## Bridges

        * 2019-05-05: [Linux bridges explained](https://bridges.example/) by Cy

        """;

    [Fact]
    public async Task An_editor_adds_edits_moves_retires_renames_and_restores_from_history()
    {
        // Otherwise: keeping the list alive means a text editor, a re-import and nobody knowing who changed what.
        await using var site = new FixtureServer((path, _) => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n",
            """
            <html><head><title>Geneve in depth | Blog</title>
            <meta property="og:title" content="Geneve in depth">
            <meta property="og:description" content="How Geneve carries metadata between hosts.">
            <meta property="article:published_time" content="2024-03-15T10:00:00Z">
            <meta name="author" content="Dana Network">
            </head><body>x</body></html>
            """));
        await using var portal = await StartAsync(site);
        var (overlays, bridges) = await SectionIdsAsync(portal);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/admin");

        // Add by URL: the page's own title, description, date and author are filled in.
        await OpenAsync(page, $"/admin/entries/new?section={overlays}");
        await page.GetByLabel("Web address").FillAsync(site.Url("/geneve"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch details" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Geneve in depth");
        await Assertions.Expect(page.GetByLabel("Author", new() { Exact = true })).ToHaveValueAsync("Dana Network");
        await Assertions.Expect(page.GetByTestId("preview-markdown")).ToContainTextAsync("2024-03-15: [Geneve in depth](");
        await Screenshots.SaveAsync(page, "editor-add-entry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added." })).ToBeVisibleAsync();
        var geneve = await EntryIdAsync(portal, "Geneve in depth");

        // Edit the raw Markdown with a live preview.
        await OpenAsync(page, $"/admin/entries/{geneve}");
        var markdown = page.GetByLabel("Markdown of the entry");
        await markdown.FillAsync((await markdown.InputValueAsync()).Replace("Geneve in depth", "Geneve, in depth"));
        await Assertions.Expect(page.GetByTestId("preview")).ToContainTextAsync("Geneve, in depth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        // Reorder with the keyboard only: the new entry (last) moves up one place.
        await OpenAsync(page, $"/admin/sections/{overlays}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Geneve, in depth up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved up" })).ToBeVisibleAsync();
        Assert.Equal(["First overlay post", "Geneve, in depth", "Second overlay post"], await page.Locator(".editor-entry-name").AllTextContentsAsync());
        await Screenshots.SaveAsync(page, "editor-section");

        // Retire, then undo.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire Second overlay post" }).ClickAsync();
        await Assertions.Expect(page.Locator(".editor-entry-name")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".editor-entry-name")).ToHaveCountAsync(3);

        // Move to another section.
        await OpenAsync(page, $"/admin/entries/{geneve}");
        await page.GetByLabel("Move to section").SelectOptionAsync(bridges.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved to Bridges." })).ToBeVisibleAsync();
        await EventuallyAsync(page, "/sections/bridges", p => p.Locator("[data-entry-id]").Filter(new() { HasText = "Geneve, in depth" }).CountAsync(), 1);

        // Rename a section: the old address follows to the new one.
        await OpenAsync(page, $"/admin/sections/{bridges}");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Bridges and Geneve");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save title and introduction" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bridges and Geneve", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/sections/bridges");
        Assert.EndsWith("/sections/bridges-and-geneve", page.Url);

        // Restore from history: the edit of the title is undone.
        await OpenAsync(page, $"/admin/history?entry={geneve}");
        var edit = page.Locator(".history-item").Filter(new() { HasText = "Edited" }).First;
        await Assertions.Expect(edit.Locator("ins")).ToContainTextAsync("Geneve,");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Restore the version before this change" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Restored." })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "editor-history");
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            Assert.Equal("Geneve in depth", await db.Entries.Where(e => e.Id == geneve).Select(e => e.Title).SingleAsync());

        // Sign out: the editor pages are closed again.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/admin");
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task The_second_of_two_editors_saving_the_same_entry_sees_the_first_ones_change_and_loses_nothing()
    {
        // Otherwise: two editors fix the same typo differently and one fix silently disappears.
        await using var portal = await StartAsync(null);
        var first = await EntryIdAsync(portal, "First overlay post");
        await using var anna = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        await using var ben = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var pageA = await anna.NewPageAsync();
        var pageB = await ben.NewPageAsync();
        await SignInAsync(pageA, $"/admin/entries/{first}");
        await SignInAsync(pageB, $"/admin/entries/{first}");
        await OpenAsync(pageA, $"/admin/entries/{first}");
        await OpenAsync(pageB, $"/admin/entries/{first}");

        await pageA.GetByLabel("Markdown of the entry").FillAsync("2020-01-01: [First overlay post, revised by A](https://first.example/) by Ann");
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(pageA.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        await pageB.GetByLabel("Markdown of the entry").FillAsync("2020-01-01: [First overlay post](https://first.example/) by Ann: B's description");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var conflict = pageB.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(pageB.GetByTestId("their-text")).ToContainTextAsync("revised by A");
        await Screenshots.SaveAsync(pageB, "editor-conflict");

        // B merges: takes A's text, adds their description, saves.
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Take theirs, then edit" }).ClickAsync();
        var markdown = pageB.GetByLabel("Markdown of the entry");
        await Assertions.Expect(markdown).ToHaveValueAsync(new Regex("revised by A"));
        await markdown.FillAsync(await markdown.InputValueAsync() + ": B's description");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(pageB.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Entries.Where(e => e.Id == first).Select(e => e.Markdown).SingleAsync();
        Assert.Contains("revised by A", stored);
        Assert.Contains("B's description", stored);
    }

    [Fact]
    public async Task A_pasted_batch_of_hundreds_of_bullets_is_previewed_and_added_in_one_go()
    {
        // Otherwise: pasting a long list from a colleague's notes silently drops the editor's connection (SignalR's 32 KB message limit).
        await using var portal = await StartAsync(null);
        var (_, bridges) = await SectionIdsAsync(portal);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, $"/admin/entries/bulk?section={bridges}");
        await OpenAsync(page, $"/admin/entries/bulk?section={bridges}");

        var bullets = string.Concat(Enumerable.Range(0, 800).Select(i =>
            $"* 2024-01-{i % 28 + 1:00}: [Bridge note number {i}](https://notes.example/bridges/{i}) by [Someone {i % 9}](https://people.example/{i % 9})\n"));
        Assert.True(bullets.Length > 64 * 1024);
        await page.GetByLabel("Markdown bullets").FillAsync(bullets);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "800 entries to add" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add all 800" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added 800 entries." })).ToBeVisibleAsync();

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(801, await db.Entries.CountAsync(e => e.SectionId == bridges));
    }

    [Fact]
    public async Task Entries_can_be_reordered_by_drag_and_drop()
    {
        // Otherwise: mouse users have to click an arrow once per place to move an entry down a long section.
        await using var portal = await StartAsync(null);
        var (overlays, _) = await SectionIdsAsync(portal);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, $"/admin/sections/{overlays}");
        await OpenAsync(page, $"/admin/sections/{overlays}");

        var rows = page.Locator("li.editor-entry");
        await rows.Filter(new() { HasText = "Second overlay post" }).Locator(".editor-entry-row").First
            .DragToAsync(rows.Filter(new() { HasText = "First overlay post" }).Locator(".editor-entry-row").First);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved: Second overlay post" })).ToBeVisibleAsync();
        Assert.Equal(["Second overlay post", "First overlay post"], await page.Locator(".editor-entry-name").AllTextContentsAsync());

        // On a phone the tools wrap under each entry instead of running off the screen.
        await page.SetViewportSizeAsync(360, 740);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the section editor scrolls sideways at 360 px");
        await Screenshots.SaveAsync(page, "editor-section-mobile");
    }

    [Fact]
    public async Task An_administrator_adds_an_editor_who_can_then_sign_in_and_edit()
    {
        // Otherwise: every new team member needs someone with shell access to the server.
        await using var portal = await StartAsync(null);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await roles.CreateAsync(new IdentityRole(Roles.Admin));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = new IdentityUser { UserName = "admin@example.org", Email = "admin@example.org" };
            await users.CreateAsync(admin, Password);
            await users.AddToRoleAsync(admin, Roles.Admin);
        }
        await using var adminContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await adminContext.NewPageAsync();
        await SignInAsync(page, "/admin/users", "admin@example.org");
        await OpenAsync(page, "/admin/users");
        await page.GetByLabel("Email").FillAsync("new.editor@example.org");
        await page.GetByLabel("First password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");
        await page.GetByLabel("First password").FillAsync("another long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added new.editor@example.org as Editor." })).ToBeVisibleAsync();

        await using var editorContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var editor = await editorContext.NewPageAsync();
        await SignInAsync(editor, "/admin", "new.editor@example.org", "another long password");
        await OpenAsync(editor, "/admin");
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Edit the list" })).ToBeVisibleAsync();
        await editor.GotoAsync("/admin/users");
        Assert.Contains("/account/denied", editor.Url);
    }

    [Fact]
    public async Task An_editor_makes_an_api_token_in_the_browser_and_sees_it_once()
    {
        // Otherwise: the token page renders without Blazor's script, its form does nothing, and no script gets a token.
        await using var portal = await StartAsync(null);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/account/tokens");
        await OpenAsync(page, "/account/tokens");
        await page.GetByLabel("Name (what will use it)").FillAsync("feed script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-token")).ToContainTextAsync("copy it now");
    }

    private async Task<LivePortal> StartAsync(FixtureServer? site)
    {
        var settings = new Dictionary<string, string?> { ["LinkHealth:ArchiveBaseUrl"] = "" };
        if (site is not null)
        {
            settings["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32";
            settings["LinkHealth:AllowedPorts:0"] = site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var portal = await LivePortal.StartAsync(server, settings, List);
        await using var scope = portal.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await roles.CreateAsync(new IdentityRole(Roles.Editor));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var editor = new IdentityUser { UserName = "ed@example.org", Email = "ed@example.org" };
        await users.CreateAsync(editor, Password);
        await users.AddToRoleAsync(editor, Roles.Editor);
        return portal;
    }

    private static Task SignInAsync(IPage page, string returnUrl, string email = "ed@example.org",
        string password = Password) => Editors.SignInAsync(page, returnUrl, email, password);

    /// <summary>Reader pages follow a change when PostgreSQL's notification drops the cache: a moment later, not at once.</summary>
    private static async Task EventuallyAsync(IPage page, string path, Func<IPage, Task<int>> count, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(path);
            var actual = await count(page);
            if (actual == expected) return;
            if (attempt == 50) Assert.Equal(expected, actual);
            await Task.Delay(100);
        }
    }

    private static async Task<(int Overlays, int Bridges)> SectionIdsAsync(LivePortal portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var ids = await db.Sections.ToDictionaryAsync(s => s.Slug, s => s.Id);
        return (ids["overlays"], ids["bridges"]);
    }

    private static async Task<long> EntryIdAsync(LivePortal portal, string title)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Entries.Where(e => e.Title == title).Select(e => e.Id).SingleAsync();
    }
}
