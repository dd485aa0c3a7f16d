using System.Net;
using ContainerNetLib.Domain.Urls;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// The sign-in cookie is Secure everywhere except plain http to this machine itself
/// (http://127.0.0.1:5080 from scripts/run.sh, the browser tests): browsers drop a Secure cookie
/// there, so nobody could sign in, and a loopback connection never crosses a network to be read.
/// </summary>
public sealed class LoopbackAwareCookieBuilder : CookieBuilder
{
    public LoopbackAwareCookieBuilder()
    {
        // What CookieAuthenticationOptions' own builder defaults to.
        SameSite = SameSiteMode.Lax;
        HttpOnly = true;
        SecurePolicy = CookieSecurePolicy.Always;
        IsEssential = true;
    }

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Path = Path ?? (context.Request.PathBase.HasValue ? context.Request.PathBase.ToString() : "/");
        if (!context.Request.IsHttps && IsLoopback(context))
        {
            options.Secure = false;
            // Browsers drop SameSite=None without Secure; the provider on loopback is the same site anyway.
            if (options.SameSite == SameSiteMode.None) options.SameSite = SameSiteMode.Lax;
        }
        return options;
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) &&
        Loopback.IsHost(context.Request.Host.Host);
}
