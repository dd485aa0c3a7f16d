using System.Net;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.Urls;

public class NetworkListTests
{
    [Fact]
    public void Networks_are_read_with_spaces_ignored_and_blank_entries_naming_none()
    {
        // Otherwise: an unset variable in the compose file ("${PROXY_NETWORK}") stops the portal from starting, or
        // " 10.0.0.0/8" from a hand-edited file is silently not believed.
        var networks = NetworkList.Parse([" 10.0.0.0/8 ", "", "   ", null, "fd00::/8"]);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("fd00::/8")], networks);
        Assert.Empty(NetworkList.Problems("ReverseProxy:KnownNetworks", [" 10.0.0.0/8 ", "", null]));
    }

    [Fact]
    public void An_entry_that_is_not_a_network_is_named_with_its_setting()
    {
        // Otherwise: an operator who wrote an address without its prefix length is not told which setting to fix,
        // and the proxy or scraper they meant is refused without a word.
        var problem = Assert.Single(NetworkList.Problems("Metrics:AllowedNetworks", ["10.0.0.1", "192.168.0.0/16"]));
        Assert.Equal("Metrics:AllowedNetworks has \"10.0.0.1\", which is not a network such as 10.0.0.0/8", problem);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("::ffff:11.0.0.1", false)]
    public void An_ipv4_address_seen_as_ipv6_is_the_address_it_carries(string address, bool inside)
    {
        // Otherwise: on a dual-stack listener a scraper on an allowed network gets 404 from /metrics.
        Assert.Equal(inside, NetworkList.Contains(NetworkList.Parse(["10.0.0.0/8"]), IPAddress.Parse(address)));
    }
}
