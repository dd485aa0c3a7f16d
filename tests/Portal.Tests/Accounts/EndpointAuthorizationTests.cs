using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Routing;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Walks every endpoint the app maps: whatever is not open or on the short list of reader routes
/// (MappedEndpoints.ReaderRoutes) must demand a signed-in account, editor or admin, and does when called
/// anonymously. A new route that forgets its authorization fails here.
/// </summary>
[Collection(PortalCollection.Name)]
public class EndpointAuthorizationTests(TestDatabase database)
{
    // Readers' pages, the public API and the open paths: anonymous by design (MappedEndpoints.AreaOf).
    private static bool IsPublic(RouteEndpoint e) => e.AreaOf() is Area.Open or Area.Reader;

    private static List<RouteEndpoint> Endpoints(PortalApp app) =>
        MappedEndpoints.Of(app)
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !e.IsStaticAsset())
            .ToList();

    private static string Route(RouteEndpoint e) => e.Route();

    [Fact]
    public async Task Every_endpoint_outside_the_reader_pages_requires_an_editor_or_admin()
    {
        // Otherwise: a new editor page or action ships open to anyone on the internet.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        app.Client();
        var endpoints = Endpoints(app);
        Assert.Contains(endpoints, e => Route(e) == "/link-health/use-url");

        var open = endpoints
            .Where(e => !IsPublic(e) && !e.NeedsEditor() && e.AreaOf() is not (Area.Account or Area.ApiAnyToken))
            .Select(Route).Distinct().ToList();
        Assert.True(open.Count == 0, $"endpoints without editor/admin authorization: {string.Join(", ", open)}");
    }

    [Fact]
    public async Task Anonymous_calls_to_protected_endpoints_are_sent_to_sign_in_or_refused()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var client = app.Browser();
        var protectedEndpoints = Endpoints(app).Where(e => !IsPublic(e)).DistinctBy(Route).ToList();
        var protectedRoutes = protectedEndpoints.Select(Route).ToList();
        Assert.Contains("/admin/entries/{Id:long}", protectedRoutes);
        Assert.Contains("/admin/history", protectedRoutes);

        foreach (var endpoint in protectedEndpoints)
        {
            var path = endpoint.Concrete();
            var get = await client.GetAsync(path);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect && get.Headers.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal)
                || get.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                $"GET {path} answered {(int)get.StatusCode} to an anonymous caller");
            var post = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>()));
            // 415: the JSON write API's routes do not even match a form post (anonymous JSON gets 401, TokenRefusalTests).
            Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound
                or HttpStatusCode.Redirect or HttpStatusCode.UnsupportedMediaType,
                $"POST {path} answered {(int)post.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task Editors_are_kept_out_of_what_needs_an_administrator()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var editor = await app.SignedInAsync(Roles.Editor);
        var adminOnly = Endpoints(app).Where(e => e.AreaOf() == Area.Admin).Select(Route).Distinct().ToList();
        Assert.Contains("/admin/jobs/{**path}", adminOnly);
        Assert.Contains("/admin/users", adminOnly);
        foreach (var route in adminOnly)
        {
            var response = await editor.GetAsync(route.Replace("{**path}", ""));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal) == true,
                $"an editor got {(int)response.StatusCode} from {route}");
        }
    }
}
