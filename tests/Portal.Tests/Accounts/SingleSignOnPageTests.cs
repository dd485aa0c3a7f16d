using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Tests.Accounts;

[Collection(PortalCollection.Name)]
public class SingleSignOnPageTests(TestDatabase database, OidcProvider provider) : IClassFixture<OidcProvider>
{
    [Fact]
    public async Task The_sign_in_page_offers_the_provider_by_its_display_name_beside_the_password_form()
    {
        // Otherwise: the team's people look for their company sign-in and find only a password form.
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings: provider.PortalSettings("portal"));

        var page = Html.Parse(await app.Browser().GetStringAsync("/account/login?ReturnUrl=%2Fadmin"));

        var button = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == $"Sign in with {OidcProvider.DisplayName}");
        Assert.Equal("/account/sso?returnUrl=%2Fadmin", button.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task Every_pages_forms_may_lead_to_the_provider_and_to_no_other_site()
    {
        // Otherwise: signing out also at the provider stops at the browser's Content-Security-Policy (the sign-out
        // form's redirect goes there), or forms may post anywhere.
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings: provider.PortalSettings("portal"));
        var origin = new Uri(provider.Issuer).GetLeftPart(UriPartial.Authority);

        foreach (var path in new[] { "/", "/account/login" })
        {
            var policy = (await app.Browser().GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains($"form-action 'self' {origin};", policy);
        }
    }

    [Fact]
    public async Task Auto_redirect_sends_the_sign_in_page_straight_to_the_provider()
    {
        // Otherwise: everyone clicks through a page with one button.
        var clientId = $"portal-{Guid.NewGuid():N}";
        await provider.RegisterClientAsync(clientId, "https://localhost");
        await using var app = await PortalApp.StartAsync(database, importSeed: false,
            settings: new(provider.PortalSettings(clientId)) { ["Authentication:AutoRedirect"] = "true" });
        var browser = app.Browser();

        var login = await browser.GetAsync("/account/login?ReturnUrl=%2Fadmin");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("https://localhost/account/sso?returnUrl=%2Fadmin", login.Headers.Location!.OriginalString);
        var challenge = await browser.GetAsync(login.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!.ToString();
        Assert.StartsWith($"{provider.Issuer}/auth?", authorize);
        // The request itself (code flow, PKCE challenge) was pushed to the provider first (PAR): only its handle travels.
        Assert.Contains($"client_id={clientId}&", authorize);
        Assert.Contains("request_uri=", authorize);
        // The administrator made with the users command still has a way in.
        Assert.NotNull(Html.Parse(await browser.GetStringAsync("/account/login?local=true")).QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task With_local_accounts_off_the_password_form_is_gone_and_a_password_post_signs_nobody_in()
    {
        // Otherwise: a password kept from before single sign-on still opens the account of someone who left.
        await using var app = await PortalApp.StartAsync(database, importSeed: false,
            settings: new(provider.PortalSettings("portal")) { ["Authentication:LocalAccounts"] = "false" });
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var browser = app.Browser();

        var page = Html.Parse(await browser.GetStringAsync("/account/login"));
        Assert.Null(page.QuerySelector("input[type=password]"));
        Assert.Contains($"Sign in with {OidcProvider.DisplayName}", page.Body!.TextContent);

        var post = await PostLoginAsync(app, browser, "ed@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.DoesNotContain(post.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cnl.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_unreachable_provider_ends_on_a_readable_page_not_a_500()
    {
        // Otherwise: the provider's outage reads as the portal's own crash.
        using var closed = new ClosedPort();
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings: new(provider.PortalSettings("portal"))
        {
            ["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{closed.Port}",
        });

        var text = await FailurePageAsync(app);

        Assert.Contains("could not be reached", text);
        Assert.Contains("Back to sign-in", text);
    }

    [Fact]
    public async Task A_client_the_provider_does_not_know_ends_on_a_readable_page_not_a_500()
    {
        // Otherwise: a mistyped client id or secret reads as the portal's own crash.
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings: provider.PortalSettings("nobody-registered-me"));

        Assert.Contains("refused this portal's request", await FailurePageAsync(app));
    }

    /// <summary>The text of the page "Sign in with" ends on, which must be a readable page (200), not an error.</summary>
    private static async Task<string> FailurePageAsync(PortalApp app)
    {
        var browser = app.Browser();
        var start = await browser.GetAsync("/account/sso?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var failed = await browser.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        return Html.Parse(await failed.Content.ReadAsStringAsync()).Body!.TextContent;
    }

    /// <summary>The password form's post, with a valid antiforgery pair: the page has no form to take one from.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(PortalApp app, HttpClient browser, string email, string password)
    {
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        var context = new DefaultHttpContext { RequestServices = app.Services };
        var tokens = antiforgery.GetAndStoreTokens(context);
        var cookieName = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = tokens.RequestToken!,
            }),
        };
        request.Headers.Add("Cookie", $"{cookieName}={tokens.CookieToken}");
        return await browser.SendAsync(request);
    }
}
