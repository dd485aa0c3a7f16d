using System.Net;
using AngleSharp.Dom;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from the proxies an operator names (ReverseProxy:KnownNetworks),
/// the portal answers only the host names it is given (Portal:AllowedHosts), and its absolute addresses (canonical
/// link, og:url, feeds, the sign-in redirect) come from Portal:PublicUrl when that is set.
/// </summary>
[Collection(PortalCollection.Name)]
public class ForwardedHeaderTests(TestDatabase database)
{
    private const string Page = "/sections/overview";
    private const string ProxyNetwork = "10.0.0.0/8";
    private const string Proxy = "10.0.0.2";

    private async Task<PortalApp> StartAsync(Dictionary<string, string?>? settings = null) =>
        await PortalApp.StartAsync(database, settings: settings, services: PeerAddress.Add);

    private static HttpClient Client(PortalApp app, string baseAddress = "https://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress),
        });

    private static HttpClient Forwarding(
        HttpClient client, string host, string proto = "https", string? forClient = null)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", host);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        if (forClient is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forClient);
        return client;
    }

    /// <summary>Every absolute address a page and the feeds carry, and where the sign-in redirect sends a
    /// stranger.</summary>
    private static async Task<List<string>> AbsoluteAddressesAsync(HttpClient client)
    {
        var page = Html.Parse(await client.GetStringAsync(Page));
        var addresses = new List<string>
        {
            page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!,
            page.Meta("og:url")!,
            page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!,
        };
        var feed = Html.Parse(await client.GetStringAsync("/feed.atom"));
        addresses.AddRange(feed.QuerySelectorAll("feed > id, feed > link")
            .Select(e => e.GetAttribute("href") ?? e.TextContent));
        var signIn = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        addresses.Add(new Uri(client.BaseAddress!, signIn.Headers.Location!).AbsoluteUri);
        return addresses;
    }

    private static async Task<List<HttpStatusCode>> SignInPostsAsync(HttpClient client, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
            statuses.Add((await client.LogInAsync("nobody@example.org", "whatever it is")).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Forwarded_headers_from_a_client_not_named_as_a_proxy_change_no_address()
    {
        // Otherwise: anyone who reaches the portal directly (a local user, a proxy passing headers through) makes it
        // write http://evil.example into its canonical links, cards, feeds and sign-in redirects.
        await using var app = await StartAsync();
        var client = Forwarding(Client(app).From("127.0.0.1"), "evil.example", "http", "203.0.113.50");

        var addresses = await AbsoluteAddressesAsync(client);

        Assert.All(addresses, a => Assert.StartsWith("https://localhost/", a));
    }

    [Fact]
    public async Task Rotating_x_forwarded_for_from_a_client_not_named_as_a_proxy_still_meets_the_sign_in_limit()
    {
        // Otherwise: a password guesser sends a new X-Forwarded-For with each try and is never slowed down.
        await using var app = await StartAsync();

        var statuses = await SignInPostsAsync(Client(app).From("127.0.0.1"), i => $"198.51.100.{i + 1}");

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_named_proxy_is_believed_for_the_host_the_scheme_and_the_client_address()
    {
        // Otherwise: behind the operator's proxy the portal writes its internal address into links, or counts every
        // reader's sign-in tries as the proxy's, so one guesser's 429 locks everyone out.
        await using var app = await StartAsync(new() { ["ReverseProxy:KnownNetworks:0"] = ProxyNetwork });
        var client = Forwarding(Client(app, "http://portal:8080").From(Proxy), "list.example.org");

        Assert.All(await AbsoluteAddressesAsync(client), a => Assert.StartsWith("https://list.example.org/", a));

        var oneClient = await SignInPostsAsync(Client(app).From(Proxy), _ => "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, oneClient[^1]);
        var manyClients = await SignInPostsAsync(Client(app).From(Proxy), i => $"198.51.100.{i + 20}");
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, manyClients);
    }

    [Fact]
    public async Task A_host_name_not_configured_is_refused_with_400_but_health_probes_still_answer()
    {
        // Otherwise: any name that points at the server gets pages (and cached copies) in its own name.
        await using var app = await StartAsync(new()
        {
            ["Portal:AllowedHosts:0"] = "list.example.org", ["Portal:AllowedHosts:1"] = "*.list.example.org",
            ["ReverseProxy:KnownNetworks:0"] = ProxyNetwork,
        });

        var stranger = await Client(app, "https://evil.example").GetAsync(Page);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(app, "https://list.example.org").GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(app, "https://www.list.example.org").GetAsync(Page)).StatusCode);
        var probe = await Client(app, "http://10.0.0.9:8080").GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var forwarded = await Forwarding(Client(app, "http://portal:8080").From(Proxy), "evil.example").GetAsync(Page);
        Assert.Equal(HttpStatusCode.BadRequest, forwarded.StatusCode);
    }

    [Fact]
    public async Task Absolute_addresses_come_from_the_public_url_when_one_is_set()
    {
        // Otherwise: shared links, feeds and sign-in redirects carry whatever name the request used.
        await using var app = await StartAsync(new() { ["Portal:PublicUrl"] = "https://list.example.org" });

        var addresses = await AbsoluteAddressesAsync(Client(app, "http://10.0.0.9:8080"));

        Assert.All(addresses, a => Assert.StartsWith("https://list.example.org/", a));
    }
}
