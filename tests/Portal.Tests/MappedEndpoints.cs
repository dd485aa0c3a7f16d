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
}
