using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Walks every endpoint the app maps: whatever is not on the short list of reader pages and public
/// endpoints must demand a signed-in editor or admin, and does when called anonymously. A new route
/// that forgets its authorization fails here.
/// </summary>
[Collection(PortalCollection.Name)]
public class EndpointAuthorizationTests(TestDatabase database)
{
    // Readers' pages and the public API: anonymous by design.
    private static readonly HashSet<string> Public =
    [
        "/", "/sections/{Slug}", "/search", "/authors/{Slug}", "/not-found", "/link-health", "/account/login", "/account/denied",
        "/account/logout", "/account/sso", "/account/sign-in-failed", // starting single sign-on, and its refusals
 "/entries/{id:long}", "/feed.atom", "/sections/{slug}/feed.atom", "/api/sections", "/api/sections/{slug}",
        "/api/entries/{id:long}", "/api/search", "/openapi/{documentName}.json",
        "/api/link-health", // the numbers of the summary readers see on /link-health; no link is listed
        "/entries/{Id:long}/saved", // an entry's saved copy: a reader page like the section the entry is in
        "/healthz/live", "/healthz/ready",
        "/error", // shown in place of any page whose request failed (the database out of reach: 503), for anyone
        "/metrics", // Prometheus scrapes: open to loopback and private networks only (Metrics:AllowedNetworks), see MetricsTests
        "/{**path:file}", // static files not fingerprinted at build time (development fallback of MapStaticAssets)
    ];

    // A person's own account pages: any signed-in account, whatever its role.
    private static readonly HashSet<string> AnyAccount = ["/account/feeds", "/account/signout", "/account/sessions"];

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
            .Where(e => !Public.Contains(Route(e)))
            .Where(e => !e.NeedsEditor()
                && !(AnyAccount.Contains(Route(e)) && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()))
            .Select(Route).Distinct().ToList();
        Assert.True(open.Count == 0, $"endpoints without editor/admin authorization: {string.Join(", ", open)}");
    }

    [Fact]
    public async Task Anonymous_calls_to_protected_endpoints_are_sent_to_sign_in_or_refused()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var client = app.Browser();
        var protectedEndpoints = Endpoints(app).Where(e => !Public.Contains(Route(e))).DistinctBy(Route).ToList();
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
        var adminOnly = Endpoints(app)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin))
            .Select(Route).Distinct().ToList();
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
