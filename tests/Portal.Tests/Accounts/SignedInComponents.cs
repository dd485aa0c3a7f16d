using System.Security.Claims;
using Bunit;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>
/// bUnit with the portal's own services and policies, as a live connection sees it: signed in with the claims a real
/// sign-in gives a real account (id, name, roles, security stamp), so that components check the account as it is now
/// exactly as they do in the portal.
/// </summary>
public static class SignedInComponents
{
    public static readonly ClaimsPrincipal NoOne = new(new ClaimsIdentity());

    /// <summary>A new account of <paramref name="role"/> (null: a reader's) and what its sign-in carries.</summary>
    public static async Task<(string Email, ClaimsPrincipal User)> AccountAsync(this PortalApp app, string? role)
    {
        var email = $"{role?.ToLowerInvariant() ?? "reader"}-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, role);
        return (email, await app.SignInOfAsync(email));
    }

    /// <summary>The principal a sign-in of the account would carry now.</summary>
    public static async Task<ClaimsPrincipal> SignInOfAsync(this PortalApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        var account = (await users.FindByEmailAsync(email))!;
        var principal = await signIn.CreateUserPrincipalAsync(account);
        // A real sign-in starts a session and names it in the cookie: without one, every action is refused.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync();
        var key = await SignInSessions.StartAsync(db, account.Id, new SessionClient("bUnit", "127.0.0.1"),
            app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionCookie.KeyClaim, key));
        return principal;
    }

    /// <summary>A bUnit context rendering interactively (as a live connection does) as <paramref name="user"/>.
    /// </summary>
    public static BunitContext ContextFor(this PortalApp app, ClaimsPrincipal user)
    {
        var context = new BunitContext();
        context.Services.AddFallbackServiceProvider(app.Services);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(user));
        context.Services.AddCascadingAuthenticationState();
        context.Services.AddSingleton(app.Services.GetRequiredService<IAuthorizationService>());
        context.Services.AddSingleton(app.Services.GetRequiredService<IAuthorizationPolicyProvider>());
        context.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ActingAccount>(app.Services));
        context.Services.AddScoped<SessionEnded>();
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // The browser, asked by a page refused as it starts, is not already leaving it (wwwroot/js/leaving.js).
        context.JSInterop.Setup<bool>(EditorComponentBase.AlreadyLeavingFunction, _ => true).SetResult(false);
        return context;
    }

    /// <summary>An editor's context on a new account.</summary>
    public static async Task<BunitContext> EditorContextAsync(this PortalApp app) =>
        app.ContextFor((await app.AccountAsync(Domain.Accounts.Roles.Editor)).User);

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(user));
    }
}
