using System.Net;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>TLS fixtures on 127.0.0.1: an untrusted certificate, and a secure page that redirects to plain HTTP.</summary>
public class TlsTests
{
    private static LinkChecker Checker(IReadOnlySet<int> ports, System.Security.Cryptography.X509Certificates.X509Certificate2? trust = null)
    {
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var options = new LinkCheckOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), Deadline = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver([])).CreateHandler(options.ConnectTimeout, trust));
        return new LinkChecker(http, new UrlPolicy(addresses, ports), options, TimeProvider.System);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_a_tls_error_not_a_broken_link()
    {
        // Otherwise: a site with an expired or self-made certificate is reported as gone, or worse, trusted.
        using var certificate = SelfSignedCertificate();
        await using var server = new FixtureServer((_, _) => Response(200, "OK", "Content-Type: text/html\r\n", "<title>secret</title>"), certificate);

        var result = await Checker(new HashSet<int> { server.Port }).CheckAsync(server.Url("/"));

        Assert.Equal(LinkOutcome.TlsError, result.Outcome);
        Assert.Null(result.Page);
        Assert.Equal(0, server.TotalHits); // the handshake failed: no request was ever sent
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_flagged_as_a_downgrade()
    {
        // Otherwise: "use the new URL" would quietly swap a secure link for an insecure one.
        using var certificate = SelfSignedCertificate();
        await using var plain = new FixtureServer((_, _) => Response(200, "OK", "Content-Type: text/html\r\n", "<title>Plain</title>"));
        await using var secure = new FixtureServer((_, _) => Response(301, "Moved Permanently", $"Location: {plain.Url("/page")}\r\n"), certificate);

        var result = await Checker(new HashSet<int> { plain.Port, secure.Port }, trust: certificate).CheckAsync(secure.Url("/old"));

        Assert.Equal(LinkOutcome.Redirected, result.Outcome);
        Assert.True(result.Downgraded);
        Assert.Equal([plain.Url("/page")], result.Redirects);
        Assert.Equal("Plain", result.Page?.Title);
    }

    [Fact]
    public async Task Https_that_stays_https_is_not_a_downgrade()
    {
        using var certificate = SelfSignedCertificate();
        await using var secure = new FixtureServer((path, _) => path == "/old"
            ? Response(308, "Permanent Redirect", "Location: /new\r\n")
            : Response(200, "OK", "Content-Type: text/html\r\n", "<title>New</title>"), certificate);

        var result = await Checker(new HashSet<int> { secure.Port }, trust: certificate).CheckAsync(secure.Url("/old"));

        Assert.Equal(LinkOutcome.Redirected, result.Outcome);
        Assert.False(result.Downgraded);
        Assert.Equal(secure.Url("/new"), result.FinalUrl);
    }
}
