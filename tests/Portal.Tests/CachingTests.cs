using System.Net;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class CachingTests(TestDatabase server)
{
    [Fact]
    public async Task An_import_shows_on_cached_pages_at_once()
    {
        // Otherwise: after the nightly import, readers keep seeing yesterday's list from the cache.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        Assert.DoesNotContain("Freshly imported", await client.GetStringAsync("/sections/overview"));
        await app.ImportAsync(File.ReadAllText(RepoRoot.Seed).Replace("## Overview\n\n", "## Overview\n\n* [Freshly imported](https://fresh.example/)\n"));

        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync("/sections/overview")).Contains("Freshly imported", StringComparison.Ordinal),
            "the cached section page never showed the import");
    }

    [Fact]
    public async Task A_browser_with_the_current_page_gets_304()
    {
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var first = await client.GetAsync("/sections/overview");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var request = new HttpRequestMessage(HttpMethod.Get, "/sections/overview");
        request.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_page_served_from_the_cache_keeps_its_security_headers_and_etag()
    {
        // The cache answers before the header middleware runs: the stored response must carry them.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var first = await client.GetAsync("/search?q=veth");
        var second = await client.GetAsync("/search?q=veth");
        Assert.True(second.Headers.Age is not null || second.Headers.Contains("Age"), "the second response did not come from the output cache");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("script-src 'self'", string.Join(";", second.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join("", second.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sections/overview")]
    [InlineData("/search?q=veth")]
    public async Task Reader_pages_forbid_inline_script(string path)
    {
        await using var app = await PortalApp.StartAsync(server);
        var response = await app.Client().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }
}
