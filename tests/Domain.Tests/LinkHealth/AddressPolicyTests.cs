using System.Net;
using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>The SSRF guard's address check, tested on addresses alone: nothing here opens a connection.</summary>
public class AddressPolicyTests
{
    private static readonly AddressPolicy NoneAllowed = new([]);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    public void Inside_addresses_are_refused(string address)
    {
        // Otherwise: an editor's link makes the server fetch its own metadata service or an internal admin page.
        Assert.NotNull(NoneAllowed.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("2002:5db8:d822::1")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(NoneAllowed.Refusal(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_name_with_one_inside_address_among_public_ones_is_refused()
    {
        var refusal = NoneAllowed.Refusal([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")]);
        Assert.Contains("10.0.0.7", refusal);
        Assert.NotNull(NoneAllowed.Refusal(Array.Empty<IPAddress>()));
    }

    [Fact]
    public void The_allow_list_opens_exactly_what_it_names()
    {
        var policy = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        Assert.Null(policy.Refusal(IPAddress.Parse("127.0.0.1")));
        Assert.Null(policy.Refusal(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("169.254.169.254")));
    }
}
