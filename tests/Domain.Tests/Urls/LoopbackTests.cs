using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.Urls;

public class LoopbackTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public void This_machine_is_loopback_by_name_or_address(string host)
    {
        // Otherwise: signing in over http://127.0.0.1:5080 (scripts/run.sh) or http://[::1] loses its cookie, and a
        // test's identity provider or fake GitHub API on this machine is refused.
        Assert.True(Loopback.IsHost(host));
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("localhost.example.org")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("10.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_host_is_not_loopback(string? host)
    {
        // Otherwise: the sign-in cookie, the provider's metadata or the GitHub token travel in the clear over a
        // network.
        Assert.False(Loopback.IsHost(host));
    }

    [Theory]
    [InlineData("http://localhost:8080/realms/x", true)]
    [InlineData("http://[::1]:9000/", true)]
    [InlineData("http://idp.example.org/", false)]
    public void An_address_is_loopback_when_its_host_is(string address, bool loopback)
    {
        // Otherwise: an identity provider named by its address is judged differently from the same host typed alone.
        Assert.Equal(loopback, Loopback.IsHost(new Uri(address)));
    }
}
