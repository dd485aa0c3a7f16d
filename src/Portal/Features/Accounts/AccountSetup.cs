using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts.Sessions;
using ContainerNetLib.Portal.Features.Accounts.SingleSignOn;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Accounts;

public static class AccountSetup
{
    public const string LoginPath = "/account/login";

    /// <summary>The hourly sweep of expired sign-in sessions, in every process that runs jobs (a worker, which has
    /// no account pages, too).</summary>
    public static IHostApplicationBuilder AddSessionCleanup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRecurringJobs<Sessions.SessionCleanupSchedule>();
        return builder;
    }

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.AddSessionCleanup();
        var services = builder.Services;
        // Identity's stores want the context itself; each request gets one from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddIdentity<IdentityUser, IdentityRole>(AccountRules.Configure)
            .AddPortalStores()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(AccountRules.Configure);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<SessionCookie>();
        // Per live connection: the refusal notice is that connection's; ActingAccount asks the authorization
        // service, whose handlers may be scoped.
        services.AddScoped<ActingAccount>();
        services.AddScoped<SessionEnded>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie = new LoopbackAwareCookieBuilder { Name = "cnl.auth" };
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = SignInSessions.Lifetime;
            cookie.SlidingExpiration = true;
            // In place of Identity's security stamp check every 30 minutes: the session's row, at every request.
            cookie.Events = new CookieAuthenticationEvents
            {
                OnSigningIn = context => Sessions(context.HttpContext).SigningInAsync(context),
                OnValidatePrincipal = context => Sessions(context.HttpContext).ValidateAsync(context),
                OnSigningOut = context => Sessions(context.HttpContext).SigningOutAsync(context),
                // Scripts and API clients get a status they can act on, not a login page.
                OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden),
            };
        });
        // Secure whenever the request is (behind the TLS proxy, via forwarded headers): antiforgery refuses an
        // "always secure" cookie on plain http, which the loopback address of scripts/run.sh and the tests use.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Editor, policy => policy.RequireRole(Roles.Editing))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider,
            RevalidatingEditorState>();

        services.AddSignInLimits();
        return builder;
    }

    private static SessionCookie Sessions(HttpContext context) =>
        context.RequestServices.GetRequiredService<SessionCookie>();

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AnswerNotRedirect>() is not null)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store, private";
            return context.Response.WriteAsJsonAsync(new { status }, context.HttpContext.RequestAborted);
        }
        if (request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(request.Method)
            && !HttpMethods.IsHead(request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<IdentityUser> signIn) =>
            {
                // Asked before the local sign-out: the provider's session is named by what the cookie holds.
                var atProvider = context.RequestServices.GetService<SingleSignOut>() is { } provider
                    ? await provider.ProviderSignOutAsync(context)
                    : null;
                await signIn.SignOutAsync();
                return atProvider ?? Results.LocalRedirect("/");
            })
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }
}
