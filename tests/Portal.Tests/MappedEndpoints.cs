using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using ContainerNetLib.Portal.Tests.PrivateMode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>Who an endpoint is for: the rule every caller's answer is derived from (<see
/// cref="MappedEndpoints.AreaOf"/>).</summary>
public enum Area
{
    /// <summary>Marked AllowAnonymous, or a static file: open to anyone, in private mode too.</summary>
    Open,
    /// <summary>No authorization and on the reader list: anyone (in private mode, anyone with an account; on the
    /// API a token too).</summary>
    Reader,
    /// <summary>Any signed-in account, whatever its role.</summary>
    Account,
    Editor,
    Admin,
    /// <summary>The write API: a write-scope token of an editor, and nothing else.</summary>
    ApiWrite,
    /// <summary>Suggesting through the API: any member's token of any scope, and nothing else.</summary>
    ApiAnyToken,
}

/// <summary>Every endpoint the app maps, as its EndpointDataSource lists them, so that a route added later is walked
/// too.</summary>
public static class MappedEndpoints
{
    /// <summary>
    /// The endpoints with no authorization metadata that are for readers on purpose. A route with no authorization
    /// that is not here has no rule: the walks fail on it, so that whoever adds it decides who it is for.
    /// </summary>
    public static readonly IReadOnlySet<string> ReaderRoutes = new HashSet<string>
    {
        "/", "/sections/{Slug}", "/search", "/authors/{Slug}", "/not-found", "/link-health", "/entries/{id:long}",
        "/entries/{Id:long}/saved", "/feed.atom", "/sections/{slug}/feed.atom",
        "/api/sections", "/api/sections/{slug}", "/api/entries/{id:long}", "/api/search", "/api/link-health",
        "/openapi/{documentName}.json",
        // Shown in place of any page whose request failed (the database out of reach: 503), and where a signed-in
        // account is refused a page.
        "/error", "/account/denied",
        // Signing out: a form post with its antiforgery token, harmless to anyone else.
        "/account/logout",
        // The connection of the editors' interactive pages: what a connection may do is the pages' own check.
        "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect", "/_blazor/initializers",
        // Blazor's enhanced navigation following a form's redirect, for any page.
        "/_framework/opaque-redirect",
        // Static files not fingerprinted at build time (the development fallback of MapStaticAssets): files like
        // those a page links, behind private mode's gate like a page.
        "/{**path:file}",
    };

    public static List<RouteEndpoint> Of(PortalApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>The route as written, with one leading slash and none trailing ("/api/entries" for the group's
    /// own route).</summary>
    public static string Route(this RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');

    /// <summary>A path that matches the route: numbers for numeric parameters, a word for the rest.</summary>
    public static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]*\}",
            m => m.Value.Contains(":long") || m.Value.Contains(":int") ? "1" : "x");

    public static string Concrete(this RouteEndpoint endpoint) => Concrete(endpoint.Route());

    /// <summary>A fingerprinted static file (app.css, scripts), which is mapped as an endpoint too.</summary>
    public static bool IsStaticAsset(this RouteEndpoint e) => System.IO.Path.HasExtension(e.RoutePattern.RawText) &&
        !e.RoutePattern.RawText!.EndsWith(".atom", StringComparison.Ordinal) && !e.RoutePattern.RawText.Contains('{') &&
        !e.RoutePattern.RawText.StartsWith("/link-health", StringComparison.Ordinal);

    /// <summary>The methods the endpoint answers (GET for one that names none, such as the jobs dashboard).</summary>
    public static IReadOnlyList<string> Methods(this RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>Who the endpoint is for, from its metadata; null when no rule covers it.</summary>
    public static Area? AreaOf(this RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<StaticAssetDescriptor>() is not null || metadata.GetMetadata<IAllowAnonymous>()
            is not null) return Area.Open;
        var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0) return ReaderRoutes.Contains(endpoint.Route()) ? Area.Reader : null;
        if (authorize.Any(a => a.Roles is not null || a.AuthenticationSchemes is not null)) return null;
        var policies = authorize.Select(a => a.Policy).ToHashSet();
        return policies.SetEquals([ApiTokenSetup.WritePolicy]) ? Area.ApiWrite
            : policies.SetEquals([ContainerNetLib.Portal.Features.Suggestions.SuggestionApi.Policy]) ? Area.ApiAnyToken
            : policies.Contains(Policies.Admin) ? Area.Admin
            : policies.Contains(Policies.Editor) ? Area.Editor
            : policies.SetEquals([null]) ? Area.Account
            : null;
    }

    /// <summary>Only an editor (or an administrator, or a token that may write) gets in.</summary>
    public static bool NeedsEditor(this RouteEndpoint endpoint) =>
        endpoint.AreaOf() is Area.Editor or Area.Admin or Area.ApiWrite;

    /// <summary>A real address for the route, from the seed (<see cref="PrivateApp"/>); a route with a parameter
    /// nobody has a value for fails here, so that its author adds one.</summary>
    public static string Concrete(string route, int sectionId, long entryId)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{\**([A-Za-z]+)[^}]*\}", m =>
            (m.Groups[1].Value.ToLowerInvariant(), route) switch
            {
                ("slug", var r) when r.StartsWith("/authors/", StringComparison.Ordinal) => PrivateApp.AuthorSlug,
                ("slug", _) => PrivateApp.SectionSlug,
                ("id", var r) when r.StartsWith("/admin/sections/", StringComparison.Ordinal) => $"{sectionId}",
                ("id", _) => $"{entryId}",
                ("documentname", _) => "v1",
                ("path", var r) when r.Contains(":file", StringComparison.Ordinal) => "notes.txt",
                ("path", _) => "",
                var (name, _) => throw new InvalidOperationException($"no sample value for {{{name}}} in {route}"),
            });
        // A search needs words; without them the API answers 400.
        return route.EndsWith("/search", StringComparison.Ordinal) ? path + "?q=vxlan" : path;
    }
}
