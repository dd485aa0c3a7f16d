using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// What the server wants the next page a browser opens to say, after a form post sent it there: a cookie the
/// server protected with its data protection keys (nobody else can write one, and any replica reads it), read once
/// and gone. Such notices never travel in the page's address, where anyone could write a link that makes the
/// portal say their words. Written here rather than with MVC's TempData, which Blazor pages do not have.
/// </summary>
public sealed class OneTimeCookies(IDataProtectionProvider protection)
{
    // Between a post and the page it redirects to; a cookie left unread any longer says nothing.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // A refused form's fields as typed can be longer than one cookie may be: the framework splits it.
    private static readonly ChunkingCookieManager Cookies = new();

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ContainerNetLib.OneTimeCookies").ToTimeLimitedDataProtector();

    /// <summary>Leaves <paramref name="value"/> for the next request to <paramref name="path"/> (and below).</summary>
    public void Set<T>(HttpContext context, string name, string path, T value) =>
        Cookies.AppendResponseCookie(context, name,
            _protector.Protect(JsonSerializer.Serialize(value), Lifetime), Options(context, path));

    /// <summary>What was left, once; null when nothing (or nothing this server wrote, or too old) was.</summary>
    public T? Take<T>(HttpContext context, string name, string path) where T : class
    {
        if (Cookies.GetRequestCookie(context, name) is not { } text) return null;
        if (!context.Response.HasStarted) Cookies.DeleteCookie(context, name, Options(context, path));
        try
        {
            return JsonSerializer.Deserialize<T>(_protector.Unprotect(text));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context, string path) => new()
    {
        Path = path, HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
    };
}
