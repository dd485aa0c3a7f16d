using System.Security.Claims;
using ContainerNetLib.Domain.Accounts;
using Microsoft.AspNetCore.OutputCaching;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Who gets, and whose request may fill, the one copy of a reader page that every reader shares (rendered pages,
/// output cache, ETags). In public mode: anonymous readers. In private mode: signed-in readers, and feed readers
/// with a key (the gate in front has turned everyone else away). Editors and administrators never: their pages
/// carry editing controls.
/// </summary>
public static class SharedPage
{
    public static bool MayShare(HttpContext context, ReaderAccess access) => access.SignedInOnly
        ? context.User.Identity?.IsAuthenticated == true && !Roles.MayEdit(context.User)
        : context.User.Identity?.IsAuthenticated != true && context.Request.Headers.Authorization.Count == 0;

    /// <summary>A page made for this person alone (an editor's, an account page): not stored anywhere, no
    /// validators.</summary>
    public static bool IsPersonal(HttpContext context, ReaderAccess access) =>
        context.User.Identity?.IsAuthenticated == true
        && !(MayShare(context, access) && ReaderCaching.IsCachedReaderPath(context.Request.Path));

    /// <summary>Browsers keep a reader page but ask again each time; in private mode no shared proxy keeps it.
    /// </summary>
    public static string CacheControl(ReaderAccess access) => access.SignedInOnly ? "private, no-cache" : "no-cache";

}

/// <summary>
/// The output cache's rules for reader pages: the framework's defaults (GET and HEAD, 200 only, nothing that sets a
/// cookie), with <see cref="SharedPage.MayShare"/> in place of its "anonymous only", which would leave private
/// mode's signed-in readers without a cache.
/// </summary>
public sealed class SharedPagePolicy(ReaderAccess access) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && SharedPage.MayShare(context.HttpContext, access);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.Headers.SetCookie.Count > 0 || response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
