using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Portal.Tests.Accounts.SignInSessionTests;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>
/// A page on another site cannot make a signed-in browser change anything here: every write (whatever method, whether
/// or not its endpoint reads a form) needs this site's antiforgery token, and a foreign Origin is refused even with
/// one. Walked over every endpoint the app maps, so an endpoint added later is covered without anyone remembering to.
/// </summary>
[Collection(PortalCollection.Name)]
public class CrossSiteRequestTests(TestDatabase server)
{
    private const string Elsewhere = "https://elsewhere.example";

    [Fact]
    public async Task Signing_out_without_a_token_or_from_another_site_is_refused_and_the_session_stays()
    {
        // Otherwise: any page on the internet signs a reader or an editor out of the portal behind their back.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var browser = await app.SignInAsync("ed@example.org");
        var token = await browser.TokenAsync();

        var noToken = await browser.Client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(CrossSiteRequestGuard.Refusal, await noToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin")).StatusCode);

        var foreign = await browser.Client.SendAsync(Post("/account/logout", Form(token), Elsewhere));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin")).StatusCode);

        var own = await browser.Client.SendAsync(Post("/account/logout", Form(token), "https://localhost"));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.True((await browser.Client.GetAsync("/admin")).IsRefused());
    }

    [Fact]
    public async Task Every_endpoint_that_takes_writes_refuses_one_without_a_token_or_from_another_site()
    {
        // Otherwise: a page on another site makes a signed-in administrator's browser start checks, change the list or
        // sign out, through an endpoint that does not read a form and so was never checked.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("admin@example.org", Roles.Admin);
        var admin = await app.SignInAsync("admin@example.org");
        var token = await admin.TokenAsync();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var writes = new List<(HttpMethod Method, string Path)>();
        var exempt = new List<string>();
        foreach (var endpoint in MappedEndpoints.Of(app))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"];
            var unsafeMethods = methods.Where(m => m is not ("GET" or "HEAD" or "OPTIONS" or "TRACE")).ToList();
            if (unsafeMethods.Count == 0) continue;
            if (await CrossSiteRequestGuard.IsExemptAsync(endpoint, policies)) exempt.Add(endpoint.Route());
            else writes.AddRange(unsafeMethods.Select(m => (new HttpMethod(m),
                MappedEndpoints.Concrete(endpoint.Route()))));
        }
        Assert.Contains((HttpMethod.Post, "/account/logout"), writes);
        Assert.Contains((HttpMethod.Post, "/link-health/check"), writes);
        Assert.Contains((HttpMethod.Post, "/account/feeds"), writes);
        // Exempt: the write API and the suggestions API (Bearer tokens only, no cookie) and Blazor's circuit; nothing
        // else.
        Assert.Contains("/api/entries", exempt);
        Assert.Contains("/api/suggestions", exempt);
        Assert.All(exempt, route => Assert.True(route.StartsWith("/api/entries", StringComparison.Ordinal)
            || route == "/api/suggestions" || route.StartsWith("/_blazor", StringComparison.Ordinal),
            $"{route} is exempt"));

        var accepted = new List<string>();
        foreach (var (method, path) in writes.Distinct())
        {
            var withoutToken = await admin.Client.SendAsync(new HttpRequestMessage(method, path)
            {
                Content = new FormUrlEncodedContent([KeyValuePair.Create("_handler", "x")]),
            });
            if (withoutToken.StatusCode != HttpStatusCode.BadRequest)
                accepted.Add($"{method} {path} without a token: {(int)withoutToken.StatusCode}");
            var fromElsewhere = await admin.Client.SendAsync(Post(path, Form(token), Elsewhere, method));
            if (fromElsewhere.StatusCode != HttpStatusCode.BadRequest)
                accepted.Add($"{method} {path} from {Elsewhere}: {(int)fromElsewhere.StatusCode}");
        }
        Assert.True(accepted.Count == 0, string.Join("; ", accepted));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin")).StatusCode);
    }

    private static HttpRequestMessage Post(string path, HttpContent content, string origin, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", origin);
        return request;
    }
}
