using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>Every endpoint the app maps, as its EndpointDataSource lists them, so that a route added later is walked
/// too.</summary>
public static class MappedEndpoints
{
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

    /// <summary>Only an editor (or an administrator, or a token that may write) gets in.</summary>
    public static bool NeedsEditor(this RouteEndpoint endpoint) => endpoint.Metadata
        .GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
        .Any(a => a.Policy is Features.Accounts.Policies.Editor or Features.Accounts.Policies.Admin
            or Features.Accounts.Tokens.ApiTokenSetup.WritePolicy || a.Roles is not null);
}
