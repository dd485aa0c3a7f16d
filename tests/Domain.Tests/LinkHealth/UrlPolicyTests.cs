using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

public class UrlPolicyTests
{
    private static readonly UrlPolicy Policy = new(new AddressPolicy([]));

    [Theory]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f.1/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://127.1/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://a@b.example/")]
    [InlineData("http://user:pass@example.org/")]
    [InlineData("https://example.org:8443/")]
    [InlineData("ftp://example.org/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void Unusual_spellings_of_inside_addresses_and_unsafe_urls_are_refused(string url)
    {
        // Otherwise: "http://2130706433/" slips past a check that only looks for "127.0.0.1".
        Assert.NotNull(Policy.Refusal(url));
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("http://blog.example.com/post")]
    [InlineData("https://93.184.216.34/")]
    public void Ordinary_urls_pass(string url)
    {
        Assert.Null(Policy.Refusal(url));
    }

    [Fact]
    public void Configured_ports_are_allowed()
    {
        var policy = new UrlPolicy(new AddressPolicy([]), new HashSet<int> { 8443 });
        Assert.Null(policy.Refusal("https://example.org:8443/"));
    }
}
