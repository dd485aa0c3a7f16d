using System.Net;

namespace ContainerNetLib.Domain.Urls;

/// <summary>
/// This machine itself, as an address names it: "localhost" or a loopback address (127.0.0.0/8, ::1), IPv6 with or
/// without its brackets. Plain http to it never crosses a network, so the sign-in cookie, the identity provider's
/// metadata and the GitHub token may travel there without TLS.
/// </summary>
public static class Loopback
{
    public static bool IsHost(string? host) =>
        host is { Length: > 0 }
        && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static bool IsHost(Uri address) => IsHost(address.Host);
}
