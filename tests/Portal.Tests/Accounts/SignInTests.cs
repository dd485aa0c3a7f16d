using ContainerNetLib.Portal.Tests.LinkHealth;
using System.Buffers.Binary;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Accounts;

[Collection(PortalCollection.Name)]
public class SignInTests(TestDatabase database)
{
    // The one answer to a refused password, whether the account exists, the password is wrong or the address is
    // locked out.
    private const string Refusal = "The email or password is not right, or the account is locked for a while";

    [Fact]
    public async Task An_editor_signs_in_sees_the_editor_menu_and_signs_out()
    {
        await using var app = await PortalApp.StartAsync(database);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var browser = app.Browser();

        var signedIn = await browser.LogInAsync("ed@example.org", TestUsers.Password, "/link-health");
        Assert.Equal(new Uri("https://localhost/link-health"), Resolve(signedIn));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnl.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sign out", await browser.GetStringAsync("/"));

        var signedOut = await browser.PostFormAsync("/", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/link-health/report.csv")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        // Otherwise: a password can be guessed at leisure.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.LogInAsync("ed@example.org", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(Refusal, await wrong.Content.ReadAsStringAsync());
        }
        var right = await browser.LogInAsync("ed@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Refusal, await right.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/sections/overview", "/sections/overview")]
    public async Task Only_a_local_return_url_is_followed_after_sign_in(string returnUrl, string expected)
    {
        // Otherwise: a crafted sign-in link sends an editor, freshly signed in, to a look-alike site.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);

        var response = await app.Browser().LogInAsync("ed@example.org", TestUsers.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(new Uri("https://localhost"), expected), Resolve(response));
    }

    [Fact]
    public async Task Rapid_sign_in_posts_from_one_address_get_429()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var browser = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await browser.LogInAsync("nobody@example.org", "whatever it is")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Pages_rendered_for_an_editor_are_never_served_to_readers_from_the_cache()
    {
        // Otherwise: readers get an editor's page (with its menu and tokens), or editors a stale anonymous copy.
        await using var app = await PortalApp.StartAsync(database);
        var reader = app.Client();
        Assert.DoesNotContain("Sign out", await reader.GetStringAsync("/sections/overview")); // now cached
        var editor = await app.SignedInAsync(Roles.Editor);

        Assert.Contains("Sign out", await editor.GetStringAsync("/sections/overview"));
        Assert.Contains("Sign out", await editor.GetStringAsync("/sections/network-debugging"));
        Assert.DoesNotContain("Sign out", await reader.GetStringAsync("/sections/network-debugging"));
    }

    [Fact]
    public async Task Passwords_are_stored_with_pbkdf2_at_210000_iterations()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var hash = Convert.FromBase64String(await app.QueryAsync(db => db.Users.Select(u => u.PasswordHash!).SingleAsync()));
        Assert.Equal(0x01, hash[0]); // Identity V3 format: PBKDF2 with HMAC-SHA512
        Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)));
    }

    private static Uri Resolve(HttpResponseMessage response) => new(new Uri("https://localhost"), response.Headers.Location!);
}
