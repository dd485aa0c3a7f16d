using System.Net;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;

namespace ContainerNetLib.Portal.Tests.PrivateMode;

/// <summary>
/// Every endpoint the app maps, taken from its EndpointDataSource (so a route added later is walked too), in
/// private mode: anonymous callers are sent to sign in or refused; a signed-in reader reads.
/// </summary>
[Collection(PortalCollection.Name)]
public class PrivateModeEndpointTests(TestDatabase database)
{
    private static List<RouteEndpoint> Endpoints(PortalApp app) => MappedEndpoints.Of(app);

    private static string Route(RouteEndpoint e) => e.Route();

    /// <summary>
    /// Open in private mode by design: the endpoints marked AllowAnonymous (the sign-in page, the steps of single
    /// sign-on, health and metrics) and the static files.
    /// </summary>
    private static bool IsOpen(RouteEndpoint e) => e.AreaOf() == Area.Open;

    private static bool IsMarkedOpen(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IAllowAnonymous>() is not null
        && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null;

    /// <summary>Pages and routes marked AllowAnonymous: each one is a hole in private mode, so each is named.</summary>
    private static readonly string[] MarkedOpen =
        [AccountSetup.LoginPath, "/account/sso", "/account/sign-in-failed", "/healthz/live", "/healthz/ready",
            "/metrics",
            // Where a refused interactive page sends its browser: a sentence and a sign-in link, nothing of the list.
            SessionEnded.PagePath];

    [Fact]
    public async Task Every_endpoint_sends_anonymous_callers_to_sign_in_or_answers_401()
    {
        // Otherwise: a page, feed, export or API route added later reads the private list to anyone on the network.
        await using var app = await PrivateApp.StartAsync(database);
        var anonymous = app.Browser();
        var (sectionId, entryId) = await app.SeedIdsAsync();
        var walked = new List<string>();
        foreach (var endpoint in Endpoints(app).Where(e => !IsOpen(e)))
        {
            var path = MappedEndpoints.Concrete(Route(endpoint), sectionId, entryId);
            foreach (var method in endpoint.Methods())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var response = await anonymous.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized
                    || method is "GET" or "HEAD" && response.SendsToSignIn(path),
                    $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous caller");
                walked.Add($"{method} {Route(endpoint)}");
            }
        }
        var marked = Endpoints(app).Where(IsMarkedOpen).Select(Route).Distinct().Order().ToList();
        Assert.Subset(MarkedOpen.ToHashSet(), marked.ToHashSet());
        // The walk covered the kinds the issue names: pages, search, authors, feeds, API, exports, the report.
        Assert.Contains("GET /sections/{Slug}", walked);
        Assert.Contains("GET /search", walked);
        Assert.Contains("GET /authors/{Slug}", walked);
        Assert.Contains("GET /sections/{slug}/feed.atom", walked);
        Assert.Contains("GET /api/link-health", walked);
        Assert.Contains("GET /api/entries/{id:long}", walked);
        Assert.Contains("POST /api/entries", walked);
        Assert.Contains("GET /admin/export.md", walked);
        Assert.Contains("GET /link-health/report.csv", walked);
        Assert.Contains("GET /link-health", walked);
    }

    [Fact]
    public async Task A_signed_in_reader_reads_every_reader_endpoint_and_is_kept_out_of_the_editors_ones()
    {
        // Otherwise: private mode locks out the very people it is for, or lets a reader into the editor's pages.
        await using var app = await PrivateApp.StartAsync(database);
        var reader = await app.SignedInAsync(role: null);
        var (sectionId, entryId) = await app.SeedIdsAsync();
        var read = 0;
        foreach (var endpoint in Endpoints(app).Where(e => !IsOpen(e) && e.Methods().Contains("GET")))
        {
            var route = Route(endpoint);
            // Blazor's own plumbing (circuits, its script) and the development fallback for unbuilt files.
            if (route.StartsWith("/_", StringComparison.Ordinal) || route.Contains(":file", StringComparison.Ordinal))
                continue;
            var path = MappedEndpoints.Concrete(route, sectionId, entryId);
            var response = await reader.GetAsync(path);
            if (endpoint.NeedsEditor())
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                    || response.Headers.Location?.AbsolutePath == "/account/denied",
                    $"a reader got {(int)response.StatusCode} from the editors' {path}");
            else if (route == "/entries/{id:long}")
                // A permalink sends the reader on to the entry on its section's page.
                Assert.StartsWith($"{PrivateApp.SectionPath}#e-{entryId}", response.Headers.Location?.OriginalString);
            else
            {
                // The error page stands in for a page that failed; opened by itself, it is not found.
                Assert.True(response.StatusCode == (route == "/error" ? HttpStatusCode.NotFound
                    : HttpStatusCode.OK),
                    $"a reader got {(int)response.StatusCode} {response.Headers.Location} from {path}");
                read++;
            }
        }
        Assert.True(read >= 15, $"only {read} reader endpoints were read");
    }

    [Fact]
    public async Task A_read_token_reads_the_api_and_a_bad_one_gets_a_problem()
    {
        // Otherwise: scripts of a private list cannot read it, or anyone with a made-up token can.
        await using var app = await PrivateApp.StartAsync(database);
        await app.CreateUserAsync("script@example.org", role: null);
        var token = await Api.ApiWriters.TokenAsync(app, "script@example.org",
            ContainerNetLib.Domain.Accounts.Tokens.TokenScope.Read);
        var client = app.Client();

        var good = await Api.ApiWriters.SendAsync(client, HttpMethod.Get, "/api/sections", token);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var bad = await Api.ApiWriters.SendAsync(client, HttpMethod.Get, "/api/sections", token[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", await bad.Content.ReadAsStringAsync());
        // A token is for the API: a page still wants a signed-in browser.
        var page = await Api.ApiWriters.SendAsync(client, HttpMethod.Get, PrivateApp.SectionPath, token);
        Assert.True(page.SendsToSignIn(PrivateApp.SectionPath));
    }
}
