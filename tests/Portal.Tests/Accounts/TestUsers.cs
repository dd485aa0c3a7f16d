using System.Net;
using ContainerNetLib.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>Signing in through the real login form, as a browser would (antiforgery token, secure cookie).</summary>
public static class TestUsers
{
    public const string Password = "a long enough password";

    /// <summary>An account with <paramref name="role"/>, or a reader's (no role) when it is null.</summary>
    public static async Task CreateUserAsync(this PortalApp app, string email, string? role, string password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null) await users.AddToRoleAsync(user, role);
    }

    /// <summary>A client with cookies over https (the auth cookie is Secure), not yet signed in.</summary>
    public static HttpClient Browser(this PortalApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>A browser signed in with a new account of <paramref name="role"/> (null: a reader's).</summary>
    public static async Task<HttpClient> SignedInAsync(this PortalApp app, string? role)
    {
        var email = $"{role?.ToLowerInvariant() ?? "reader"}-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, role);
        var client = app.Browser();
        var response = await client.LogInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LogInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var query = returnUrl is null ? "" : $"?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostFormAsync($"/account/login{query}", $"/account/login{query}", new()
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Loads the page the form is on (for its antiforgery token) and posts the form's fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = Html.Parse(await client.GetStringAsync(page));
        var token = html.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.NotNull(token);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
