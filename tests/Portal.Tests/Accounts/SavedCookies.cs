using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ContainerNetLib.Portal.Tests;

/// <summary>A browser whose cookies the test can read, and what an attacker does with a copy of them: send the same
/// Cookie header again, whatever the portal answered since.</summary>
public static class SavedCookies
{
    public const string SignInCookie = "cnl.auth";
    private static readonly Uri Site = new("https://localhost");

    /// <summary>Signed in through the real login form as <paramref name="email"/>.</summary>
    public static async Task<CookieBrowser> SignInAsync(this PortalApp app, string email,
        string password = TestUsers.Password, string? userAgent = null)
    {
        var cookies = new CookieContainerHandler();
        var client = app.CreateDefaultClient(Site, cookies);
        if (userAgent is not null) client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var response = await client.LogInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new CookieBrowser(client, cookies.Container);
    }

    /// <summary>A client that sends exactly <paramref name="cookieHeader"/> with every request and keeps nothing the
    /// portal sets (a deleted cookie included).</summary>
    public static HttpClient Replaying(this PortalApp app, string cookieHeader)
    {
        var client = app.CreateDefaultClient(Site);
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    /// <summary>Sent to sign in (a page) or refused (401 for a post or the API): not let in.</summary>
    public static bool IsRefused(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
}

public sealed record CookieBrowser(HttpClient Client, CookieContainer Cookies)
{
    private static readonly Uri Site = new("https://localhost");

    /// <summary>Every cookie this browser holds now (sign-in and antiforgery), as a Cookie header.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(Site);

    public string? SignInCookie => Cookies.GetCookies(Site)[SavedCookies.SignInCookie]?.Value;

    /// <summary>An antiforgery token from a page with a form (tokens are not tied to one form).</summary>
    public async Task<string> TokenAsync(string page = "/account/signout")
    {
        var html = Html.Parse(await Client.GetStringAsync(page));
        return html.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }
}
