using System.Net;
using System.Security.Claims;
using Bunit;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Tests.PrivateMode;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Sessions end when they should: a copy of the sign-in cookie (a shared computer, a proxy's log, a stolen laptop) is
/// refused at its next request once its session has ended, by sign-out or by what an administrator did to the account.
/// </summary>
[Collection(PortalCollection.Name)]
public class SignInSessionTests(TestDatabase server)
{
    private const string Editor = "ed@example.org";

    [Fact]
    public async Task A_cookie_saved_before_signing_out_no_longer_opens_the_admin_pages()
    {
        // Otherwise: whoever copied an editor's cookie keeps editing for eight hours after the editor signed out.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync(Editor, Roles.Editor);
        var browser = await app.SignInAsync(Editor);
        var saved = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(saved).GetAsync("/admin")).StatusCode);

        var signOut = await browser.Client.PostAsync("/account/logout", Form(await browser.TokenAsync()));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replayed = await app.Replaying(saved).GetAsync("/admin");
        Assert.True(replayed.IsRefused(), $"/admin answered {(int)replayed.StatusCode} to a signed-out cookie");
    }

    public static TheoryData<string> PageActions => ["End sessions", "role", "Remove", "Set a new password"];

    [Theory]
    [MemberData(nameof(PageActions))]
    public async Task What_an_administrator_does_on_the_users_page_refuses_the_accounts_saved_cookie_at_once(
        string action)
    {
        // Otherwise: an editor who was removed, made a reader, or whose password was reset after a leak keeps
        // exporting the list and changing the link report with the cookie they had, for up to eight hours.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("admin@example.org", Roles.Admin);
        await app.CreateUserAsync(Editor, Roles.Editor);
        var browser = await app.SignInAsync(Editor);
        var token = await browser.TokenAsync();
        var saved = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(saved).GetAsync("/admin/export.md")).StatusCode);

        using var context = await UsersPageContextAsync(app, "admin@example.org");
        var page = context.Render<UsersPage>();
        page.WaitForState(() => page.FindAll($"tr[data-user='{Editor}']").Count == 1);
        var row = page.Find($"tr[data-user='{Editor}']");
        if (action == "role")
        {
            row.QuerySelector("select")!.Change(UserAdministration.Reader);
        }
        else
        {
            await row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == action).ClickAsync(new());
            if (action == "Set a new password")
            {
                page.Find("#reset-password").Change("another long password");
                await page.Find("form.inline-form").SubmitAsync();
            }
        }
        page.WaitForState(() => page.FindAll(".status-line").Count > 0);
        Assert.Contains("status-ok", page.Find(".status-line").ClassName);

        await AssertRefusedEverywhereAsync(app, saved, token);
    }

    [Fact]
    public async Task In_private_mode_a_removed_readers_cookie_reads_nothing_and_meets_no_error()
    {
        // Otherwise: a colleague who left keeps reading the private list, searching it and calling the API with the
        // cookie they had, and their feed page answers 500.
        await using var app = await PrivateApp.StartAsync(server);
        await app.CreateUserAsync("reader@example.org", null);
        var browser = await app.SignInAsync("reader@example.org");
        var saved = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await app.Replaying(saved).GetAsync(PrivateApp.SectionPath)).StatusCode);

        var accounts = app.Services.GetRequiredService<UserAdministration>();
        Assert.Null(await accounts.RemoveAsync(await UserIdAsync(app, "reader@example.org")));

        var stolen = app.Replaying(saved);
        foreach (var path in new[] { "/", PrivateApp.SectionPath, "/search?q=x", "/api/sections", "/account/feeds" })
        {
            var response = await stolen.GetAsync(path);
            Assert.True(response.IsRefused(), $"{path} answered {(int)response.StatusCode} to a removed reader");
        }
    }

    [Fact]
    public async Task Signing_in_over_an_old_cookie_starts_a_new_session_and_ends_the_old_one()
    {
        // Otherwise: a cookie planted in someone's browser before they sign in becomes their session, and whoever
        // planted it is signed in as them.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ann@example.org", Roles.Editor);
        await app.CreateUserAsync(Editor, Roles.Editor);
        var browser = await app.SignInAsync("ann@example.org");
        var planted = browser.SignInCookie!;

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.LogInAsync(Editor, TestUsers.Password)).StatusCode);

        Assert.NotEqual(planted, browser.SignInCookie);
        Assert.True((await app.Replaying($"{SavedCookies.SignInCookie}={planted}").GetAsync("/admin")).IsRefused());
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin")).StatusCode);
        await using var db = app.Database.Open();
        Assert.Equal(1, await db.SignInSessions.CountAsync());
    }

    private static async Task AssertRefusedEverywhereAsync(PortalApp app, string saved, string token)
    {
        var stolen = app.Replaying(saved);
        foreach (var path in new[] { "/admin", "/admin/export.md", "/account/feeds", "/account/sessions" })
        {
            var response = await stolen.GetAsync(path);
            Assert.True(response.IsRefused(), $"{path} answered {(int)response.StatusCode} to an ended session");
        }
        var exclusion = await stolen.PostAsync("/link-health/exclusions",
            Form(token, ("kind", "Host"), ("value", "example.org"), ("reason", "an ended session's rule")));
        Assert.True(exclusion.IsRefused(), $"the exclusion post answered {(int)exclusion.StatusCode}");
        await using var db = app.Database.Open();
        Assert.Equal(0, await db.LinkExclusions.CountAsync());
    }

    /// <summary>/admin/users as the administrator <paramref name="email"/> sees it over a live connection: signed in
    /// with a real session, so the page checks the account as it is now, as it does in the portal.</summary>
    internal static async Task<BunitContext> UsersPageContextAsync(PortalApp app, string email) =>
        app.ContextFor(await app.SignInOfAsync(email));

    internal static async Task<string> UserIdAsync(PortalApp app, string email)
    {
        await using var db = app.Database.Open();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    internal static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
