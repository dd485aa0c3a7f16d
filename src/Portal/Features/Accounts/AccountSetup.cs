using System.Threading.RateLimiting;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Accounts;

public static class AccountSetup
{
    public const string LoginPath = "/account/login";
    public const string RateLimitPolicy = "login";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Identity's stores want the context itself; each request gets one from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddIdentity<IdentityUser, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(AccountRules.Configure);
        services.AddSingleton<UserDirectory>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie = new LoopbackAwareCookieBuilder { Name = "cnl.auth" };
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events = new CookieAuthenticationEvents
            {
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

        // Password guessing: a handful of sign-in attempts per client address per minute, then 429
        // (the middleware would answer 503, which reads as an outage). Lockout covers many addresses.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(LoginPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
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
                // The antiforgery middleware only marks a request; a handler that binds no form checks the mark itself,
                // or any post (no body, JSON) would sign its sender's browser out.
                if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>()
                    is not { IsValid: true })
                    return Results.BadRequest();
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
