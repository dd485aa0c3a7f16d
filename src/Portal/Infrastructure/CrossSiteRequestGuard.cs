using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// A request that may change something (any method but GET, HEAD, OPTIONS and TRACE) must carry this site's
/// antiforgery token and, when the browser names the page's origin, come from a page of this site; otherwise it is
/// refused with 400 before its endpoint runs. Checked here for every endpoint rather than by each endpoint's form
/// binding, which checks only an endpoint that reads a form (a sign-out that read none signed out for any site), so an
/// endpoint added later is covered without anyone remembering to.
/// Exempt, by rule: an endpoint whose authorization accepts no sign-in cookie (the write API takes Bearer tokens only,
/// so a forged request has no credentials to ride on), and Blazor's circuit under /_blazor (negotiating, its messages
/// and its disconnect name a connection or circuit by an id that a page of another site cannot read).
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery,
    IAuthorizationPolicyProvider policies)
{
    public const string Refusal = "This was not sent from a page of this site, or the page was open too long: go " +
        "back, reload the page and try again. Nothing was changed.";

    private const string CircuitPath = "/_blazor";

    private readonly ConcurrentDictionary<Endpoint, bool> _exempt = new();

    public async Task InvokeAsync(HttpContext context)
    {
        // Only mapped routes run anything: the router's own 405 and 415 answers are plain endpoints and keep their
        // status (a script posting a form to the JSON API is told 415, not that it is another site).
        if (IsSafe(context.Request.Method) || context.GetEndpoint() is not RouteEndpoint endpoint
            || await IsExemptCachedAsync(endpoint) || await IsFromThisSiteAsync(context))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Refusal);
    }

    /// <summary>The rule for which endpoints take writes without a token (see the class); the tests walk it.</summary>
    public static async Task<bool> IsExemptAsync(Endpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        if (endpoint is RouteEndpoint { RoutePattern.RawText: { } route }
            && ("/" + route.TrimStart('/')).StartsWith(CircuitPath, StringComparison.Ordinal)) return true;
        var policy = await AuthorizationPolicy.CombineAsync(policies,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy is { AuthenticationSchemes.Count: > 0 }
            && !policy.AuthenticationSchemes.Contains(IdentityConstants.ApplicationScheme);
    }

    private async ValueTask<bool> IsExemptCachedAsync(Endpoint endpoint)
    {
        if (_exempt.TryGetValue(endpoint, out var exempt)) return exempt;
        exempt = await IsExemptAsync(endpoint, policies);
        _exempt.TryAdd(endpoint, exempt);
        return exempt;
    }

    private async Task<bool> IsFromThisSiteAsync(HttpContext context)
    {
        if (IsForeign(context.Request)) return false;
        // Set by UseAntiforgery for endpoints that ask for the check (forms, Blazor's pages); the rest are checked now.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready) return checkedAlready.IsValid;
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>
    /// An Origin naming another host or port. "null" (a browser keeping the origin to itself, as after a redirect from
    /// elsewhere) is left to the token; the scheme is not compared, since behind a TLS proxy the portal may see http.
    /// </summary>
    private static bool IsForeign(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0) return false;
        if (origins is not [{ } origin]) return true;
        if (origin == "null") return false;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return true;
        var host = request.Host;
        return !string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase)
            || (host.Port is { } port ? uri.Port != port : !uri.IsDefaultPort);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
        || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}

public static class CrossSiteRequests
{
    /// <summary>After UseAntiforgery, whose verdict it enforces, and after authorization (a stranger gets 401 first).
    /// </summary>
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.UseMiddleware<CrossSiteRequestGuard>();
}
