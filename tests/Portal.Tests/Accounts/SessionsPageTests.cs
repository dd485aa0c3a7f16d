using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static ContainerNetLib.Portal.Tests.Accounts.SignInSessionTests;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>/account/sessions: where an account is signed in, and signing out of one browser or all of them.</summary>
[Collection(PortalCollection.Name)]
public class SessionsPageTests(TestDatabase server)
{
    private const string Email = "ed@example.org";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/126.0.0.0 Safari/537.36";

    [Fact]
    public async Task The_page_lists_each_browser_and_signs_out_the_one_chosen()
    {
        // Otherwise: someone who signed in on a borrowed computer cannot end that session from their own.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync(Email, null);
        var laptop = await app.SignInAsync(Email, userAgent: Firefox);
        var borrowed = await app.SignInAsync(Email, userAgent: Chrome);
        var borrowedCookie = borrowed.CookieHeader;

        var rows = Html.Parse(await laptop.Client.GetStringAsync("/account/sessions"))
            .QuerySelectorAll("tr[data-session]");
        Assert.Equal(2, rows.Length);
        var mine = Assert.Single(rows, r => r.TextContent.Contains("(this browser)", StringComparison.Ordinal));
        Assert.Contains("Firefox on Linux", mine.TextContent);
        Assert.Equal("/account/logout", mine.QuerySelector("button")!.GetAttribute("formaction"));
        var other = Assert.Single(rows, r => r != mine);
        Assert.Contains("Chrome on Windows", other.TextContent);

        var token = await laptop.TokenAsync("/account/sessions");
        var ended = await laptop.Client.PostAsync("/account/sessions",
            Form(token, ("_handler", "end-session"), ("Ending", other.GetAttribute("data-session")!)));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var after = Html.Parse(await ended.Content.ReadAsStringAsync());
        Assert.Contains("Signed out of that session", after.QuerySelector(".status-line")!.TextContent);
        Assert.Single(after.QuerySelectorAll("tr[data-session]"));

        Assert.True((await app.Replaying(borrowedCookie).GetAsync("/account/feeds")).IsRefused());
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/account/feeds")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_no_one_elses()
    {
        // Otherwise: after a leaked password, the person still has no way to throw out whoever signed in with it.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync(Email, Roles.Editor);
        await app.CreateUserAsync("ann@example.org", Roles.Editor);
        var laptop = await app.SignInAsync(Email);
        var phone = await app.SignInAsync(Email);
        var ann = await app.SignInAsync("ann@example.org");
        var (laptopCookie, phoneCookie) = (laptop.CookieHeader, phone.CookieHeader);

        var everywhere = await laptop.Client.PostAsync("/account/sessions",
            Form(await laptop.TokenAsync("/account/sessions"), ("_handler", "end-all")));
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        Assert.True((await app.Replaying(laptopCookie).GetAsync("/admin")).IsRefused());
        Assert.True((await app.Replaying(phoneCookie).GetAsync("/admin")).IsRefused());
        Assert.Equal(HttpStatusCode.OK, (await ann.Client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_ended_from_the_page()
    {
        // Otherwise: any signed-in reader signs every editor out by counting session numbers.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync(Email, null);
        await app.CreateUserAsync("ann@example.org", Roles.Editor);
        var ann = await app.SignInAsync("ann@example.org");
        var mallory = await app.SignInAsync(Email);
        long annsSession;
        await using (var db = app.Database.Open())
        {
            var annId = await UserIdAsync(app, "ann@example.org");
            annsSession = await db.SignInSessions.Where(s => s.UserId == annId).Select(s => s.Id).SingleAsync();
        }

        var attempt = await mallory.Client.PostAsync("/account/sessions", Form(
            await mallory.TokenAsync("/account/sessions"), ("_handler", "end-session"), ("Ending", $"{annsSession}")));
        Assert.Contains("already ended", await attempt.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ann.Client.GetAsync("/admin")).StatusCode);
    }
}
