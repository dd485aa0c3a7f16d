using System.Security.Claims;
using ContainerNetLib.Domain.Accounts.Feeds;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ContainerNetLib.Portal.Infrastructure.Database;

namespace ContainerNetLib.Portal.Features.Accounts.PrivateMode;

/// <summary>
/// Private mode's one door, in front of the rendered pages and the output cache so that neither ever answers
/// someone without an account. Admitted: a signed-in person (any role); on the API, a valid personal token; on a
/// feed, a valid personal feed key (taken out of the query once checked, so the cached feed is the same for every
/// reader and no key reaches a cache key). Refused: pages go to sign-in and come back; the API answers 401 as
/// problem+json; feeds a plain 401.
/// </summary>
public sealed class PrivateModeCheck(RequestDelegate next, OpenPaths open, RetryingDatabase databases)
{
    public const string FeedKeyParameter = "key";
    public const string FeedKeyScheme = "FeedKey";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.Identity?.IsAuthenticated != true && !open.Contains(path))
        {
            var admitted = IsApi(path) ? await TokenHolderAsync(context)
                : IsFeed(path) ? await FeedKeyHolderAsync(context)
                : null;
            if (admitted is null)
            {
                await RefuseAsync(context, path);
                return;
            }
            context.User = admitted;
        }
        if (IsFeed(path)) WithoutFeedKey(context.Request);
        await next(context);
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    private static bool IsFeed(PathString path) => path.Value?.EndsWith(".atom", StringComparison.Ordinal) == true;

    private static async Task<ClaimsPrincipal?> TokenHolderAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0) return null;
        var result = await context.AuthenticateAsync(BearerTokenHandler.SchemeName);
        return result.Succeeded ? result.Principal : null;
    }

    private async Task<ClaimsPrincipal?> FeedKeyHolderAsync(HttpContext context)
    {
        if (context.Request.Query[FeedKeyParameter] is not [{ } presented]) return null;
        await using var db = await databases.CreateDbContextAsync(context.RequestAborted);
        var owner = await FeedKeys.OwnerAsync(db, presented, context.RequestAborted);
        // A feed reader is a reader, whatever its owner's role: it gets the copy every reader gets.
        return owner is null ? null
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, owner)], FeedKeyScheme));
    }

    private static void WithoutFeedKey(HttpRequest request)
    {
        if (!request.Query.ContainsKey(FeedKeyParameter)) return;
        request.QueryString = QueryString.Create(request.Query
            .Where(p => p.Key != FeedKeyParameter)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
    }

    private static Task RefuseAsync(HttpContext context, PathString path)
    {
        // Neither the refusal nor the redirect may be kept by a proxy for the next person.
        context.Response.Headers.CacheControl = "no-store";
        if (IsApi(path))
        {
            context.Response.Headers.WWWAuthenticate = BearerTokenHandler.SchemeName;
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This reading list is private",
                detail: "Send a personal API token as \"Authorization: Bearer <token>\", "
                    + "or call from a browser that is signed in.").ExecuteAsync(context);
        }
        if (IsFeed(path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsync(
                "This reading list is private. Subscribe with your personal feed address: " +
                "sign in and open /account/feeds.");
        }
        // GET and HEAD go to sign-in and come back (the cookie handler adds the local ReturnUrl); other methods 401.
        return context.ChallengeAsync(IdentityConstants.ApplicationScheme);
    }
}
