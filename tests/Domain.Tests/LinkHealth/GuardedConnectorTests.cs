using System.Net;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>
/// The guard at connect time. Every address used is on this machine or is refused before dialling:
/// no packet leaves 127.0.0.1 even if the guard were broken (refused cases never reach a socket,
/// and the one name that would be dialled maps to 127.0.0.1).
/// </summary>
public class GuardedConnectorTests
{
    private static readonly AddressPolicy NoneAllowed = new([]);

    private static readonly IPAddress[] Loopback = [IPAddress.Loopback];

    private static HttpClient Client(AddressPolicy policy, IHostResolver resolver) =>
        new(new GuardedConnector(policy, resolver).CreateHandler(TimeSpan.FromSeconds(5))) { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Loopback_is_refused_before_any_connection_when_not_allow_listed()
    {
        await using var server = FixtureServer.Always(FixtureServer.Response(200, "OK", body: "ok"));
        using var client = Client(NoneAllowed, new MapResolver([]));
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{server.Port}/"));
        Assert.Contains("loopback", error.Message + error.InnerException?.Message);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task A_name_that_resolves_to_the_metadata_address_is_refused_without_dialling()
    {
        var resolver = new MapResolver(new() { ["metadata.test"] = [IPAddress.Parse("169.254.169.254")] });
        using var client = Client(NoneAllowed, resolver);
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("http://metadata.test/latest/meta-data/"));
        Assert.Contains("169.254.169.254", error.Message + error.InnerException?.Message);
        Assert.Equal(["metadata.test"], resolver.Asked);
    }

    [Fact]
    public async Task A_name_with_one_public_and_one_private_address_is_refused()
    {
        var resolver = new MapResolver(new() { ["mixed.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")] });
        using var client = Client(NoneAllowed, resolver);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("http://mixed.test/"));
    }

    [Fact]
    public async Task An_allow_listed_address_is_reached_and_the_environment_proxy_ignored()
    {
        await using var server = FixtureServer.Always(FixtureServer.Response(200, "OK", body: "ok"));
        await using var proxy = FixtureServer.Always(FixtureServer.Response(502, "Bad Gateway"));
        var previous = Environment.GetEnvironmentVariable("HTTP_PROXY");
        Environment.SetEnvironmentVariable("HTTP_PROXY", $"http://127.0.0.1:{proxy.Port}");
        try
        {
            var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
            using var client = Client(policy, new MapResolver(new() { ["local.test"] = Loopback }));
            var response = await client.GetAsync($"http://local.test:{server.Port}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
            Assert.Equal(1, server.TotalHits);
            Assert.Equal(0, proxy.Connections);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HTTP_PROXY", previous);
        }
    }

    [Fact]
    public async Task Redirects_are_not_followed_by_the_handler()
    {
        // Each hop must go back through the guard; the handler itself never follows a Location.
        await using var server = FixtureServer.Always(FixtureServer.Response(301, "Moved Permanently", "Location: http://169.254.169.254/\r\n"));
        var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        using var client = Client(policy, new MapResolver([]));
        var response = await client.GetAsync($"http://127.0.0.1:{server.Port}/");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("http://169.254.169.254/", response.Headers.Location!.OriginalString);
        Assert.Equal(1, server.TotalHits);
    }
}
