using System.Runtime.ExceptionServices;
using System.Security.Claims;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContainerNetLib.Portal.Features.Accounts.Sessions;

/// <summary>
/// The sign-in cookie tied to a row of <c>sign_in_sessions</c>: every sign-in starts a new session and puts its key
/// in the cookie's principal (the claim <see cref="KeyClaim"/>); every request's cookie is checked against it, so a
/// session ended anywhere (sign-out, the owner's list, an administrator, a new password or role, a removed account)
/// is refused at its next request; signing out ends the session the cookie names.
/// A new session at every sign-in, never the cookie's old one, so a cookie planted before someone signs in never
/// becomes theirs.
/// </summary>
public sealed class SessionCookie(RetryingDatabase databases, TimeProvider time)
{
    /// <summary>The session's key in a signed-in principal: what an interactive page's
    /// <see cref="ActingAccount"/> asks about at its start and before each action.</summary>
    public const string KeyClaim = "cnl:session";

    public async Task SigningInAsync(CookieSigningInContext context)
    {
        var http = context.HttpContext;
        var identity = context.Principal?.Identity as ClaimsIdentity
            ?? throw new InvalidOperationException("Signing in without an identity.");
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("Signing in without a user id.");
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted);
        // The browser's previous session, if it came with one, ends here rather than lingering in the list.
        await SignInSessions.EndAsync(db, KeyInCookie(http, context.Options), http.RequestAborted);
        var key = await SignInSessions.StartAsync(db, userId, Client(http), time.GetUtcNow(), http.RequestAborted);
        foreach (var old in identity.FindAll(KeyClaim).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(KeyClaim, key));
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var principal = context.Principal;
        LiveSession? session;
        try
        {
            await using var db = await databases.CreateDbContextAsync(http.RequestAborted);
            session = await SignInSessions.CheckAsync(db, principal?.FindFirstValue(KeyClaim), Client(http),
                time.GetUtcNow(), http.RequestAborted);
        }
        catch (Exception e) when (DatabaseFailure.IsTransient(e))
        {
            // Not known to be ended: this request goes on unsigned-in only to answer 503 like any other request that
            // met the outage (SessionCheckFailures), and the cookie is kept for when the database is back.
            context.RejectPrincipal();
            SessionCheckFailures.Remember(http, e);
            return;
        }
        if (session is not null && session.UserId == principal?.FindFirstValue(ClaimTypes.NameIdentifier)) return;
        context.RejectPrincipal();
        // The cookie goes too, so that the browser stops presenting it.
        await http.SignOutAsync(context.Scheme.Name);
    }

    public async Task SigningOutAsync(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        if (KeyInCookie(http, context.Options) is not { } key) return;
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted);
        await SignInSessions.EndAsync(db, key, http.RequestAborted);
    }

    /// <summary>The session key in the cookie the request came with, read without asking the database.</summary>
    private static string? KeyInCookie(HttpContext http, CookieAuthenticationOptions options)
    {
        var cookie = options.CookieManager.GetRequestCookie(http, options.Cookie.Name!);
        return string.IsNullOrEmpty(cookie) ? null
            : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirstValue(KeyClaim);
    }

    private static SessionClient Client(HttpContext http) =>
        new(http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString());
}

/// <summary>
/// A session check that met a database outage happens in the authentication middleware, before the handler that
/// answers outages with 503: it is remembered there and thrown again here, behind that handler.
/// </summary>
public static class SessionCheckFailures
{
    private sealed record Failure(ExceptionDispatchInfo Exception);

    internal static void Remember(HttpContext http, Exception e) =>
        http.Features.Set(new Failure(ExceptionDispatchInfo.Capture(e)));

    public static IApplicationBuilder UseSessionCheckFailures(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<Failure>() is not { } failure) return next(context);
            // Once: the error page that answers is rendered through here again.
            context.Features.Set<Failure>(null);
            failure.Exception.Throw();
            return Task.CompletedTask;
        });
}
