using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>Every kind of page the portal answers carries the security headers, with the policy that kind needs.</summary>
[Collection(PortalCollection.Name)]
public class SecurityHeaderTests(TestDatabase server)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    private static void AssertCommon(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", $"{what}: Referrer-Policy");
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.True(response.Headers.GetValues("Content-Security-Policy").Count() == 1, $"{what}: more than one Content-Security-Policy header");
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: CSP without frame-ancestors 'none': {csp}");
        Assert.True(!csp.Contains("unsafe-eval", StringComparison.Ordinal), $"{what}: CSP allows eval: {csp}");
        Assert.True(csp.Contains("object-src 'none'", StringComparison.Ordinal), $"{what}: CSP allows plugins: {csp}");
    }

    [Fact]
    public async Task Reader_pages_feeds_api_errors_and_assets_all_carry_the_headers_and_no_inline_script()
    {
        // Otherwise: one kind of page (a feed, an error page, a cached copy) can be framed or run injected script.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var home = await client.GetAsync("/");
        var css = Html.Parse(await home.Content.ReadAsStringAsync()).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        string[] paths =
        [
            "/", "/sections/overview", "/sections/overview", "/search?q=vxlan", "/search?q=calcio", "/authors/lee-calcote",
            "/sections/no-such-section", "/entries/999999", "/feed.atom", "/sections/overview/feed.atom", "/api/sections",
            "/api/search?q=cni", "/openapi/v1.json", "/account/login", "/account/denied", "/link-health", css, "/healthz/ready",
        ];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            AssertCommon(response, path);
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp.Contains("script-src 'self';", StringComparison.Ordinal), $"{path}: reader policy expected, got {csp}");
            Assert.True(!csp.Contains("'unsafe-inline'", StringComparison.Ordinal), $"{path}: inline script or style allowed: {csp}");
        }
    }

    [Fact]
    public async Task Editor_pages_allow_blazors_connection_but_no_eval_and_cookies_are_secure_httponly_samesite()
    {
        // Otherwise: the editor pages either do not work (a policy that blocks Blazor) or are open to script injection and cookie theft.
        await using var app = await PortalApp.StartAsync(server);
        var editor = app.Browser();
        var email = $"ed-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Roles.Admin);
        var login = await editor.GetAsync("/account/login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signIn = await editor.LogInAsync(email, TestUsers.Password);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnl.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=", auth, StringComparison.OrdinalIgnoreCase);

        foreach (var path in new[] { "/admin", "/admin/history", "/admin/users", "/admin/entries/new" })
        {
            var page = await editor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            AssertCommon(page, path);
            var csp = Header(page, "Content-Security-Policy");
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("connect-src 'self'", csp);
            Assert.Contains("_framework/blazor.web.js", await page.Content.ReadAsStringAsync());
        }
        var dashboard = await editor.GetAsync("/admin/jobs");
        AssertCommon(dashboard, "/admin/jobs");
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts_and_plain_http_is_sent_to_https_except_health_checks()
    {
        // Otherwise: a reader on café Wi-Fi can be downgraded to plain HTTP, or the load balancer's health check gets a redirect and marks the portal down.
        await using var app = await PortalApp.StartAsync(server, settings: new() { ["ReverseProxy:HttpsPort"] = "443" });
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.org"), AllowAutoRedirect = false });
        Assert.Contains("max-age=31536000", Header(await https.GetAsync("/"), "Strict-Transport-Security"));

        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example.org"), AllowAutoRedirect = false });
        var redirect = await http.GetAsync("/sections/overview");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://portal.example.org/sections/overview", redirect.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
    }
}
