using System.Net;
using System.Net.Sockets;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Which addresses the link checker may connect to. Editors can add any URL, so without this the
/// checker would be a way into the private network: loopback, private, CGNAT, link-local and cloud
/// metadata, multicast, unspecified and reserved ranges are refused, in IPv4 and IPv6, including
/// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo). An explicit
/// allow-list overrides it (tests reach their own servers on 127.0.0.1 that way).
/// It is applied to the resolved address at connect time, so DNS rebinding and redirects are covered.
/// </summary>
public sealed class AddressPolicy(IReadOnlyList<IPNetwork> allowed)
{
    /// <summary>Loopback and the private ranges: a team's own machines (checking test servers, scraping
    /// metrics).</summary>
    public static readonly IReadOnlyList<string> InsideNetworks =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    private static readonly (IPNetwork Network, string Why)[] BlockedV4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "\"this network\" / unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved (and broadcast)"),
    ];

    private static readonly (IPNetwork Network, string Why)[] BlockedV6 =
    [
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("100::/64"), "discard-only"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique local (private)"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local (deprecated, private)"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    /// <summary>Null when the address may be reached, otherwise why not.</summary>
    public string? Refusal(IPAddress address)
    {
        if (allowed.Any(n => n.Contains(address))) return null;
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedV4(address) is { } v4)
        {
            if (allowed.Any(n => n.Contains(v4))) return null;
            return Refusal(v4) is { } inner ? $"{inner} (inside the IPv6 address {address})" : null;
        }
        var table = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        foreach (var (network, why) in table)
        {
            if (network.Contains(address)) return $"{address} is {why}";
        }
        return null;
    }

    /// <summary>Refused if any of a host's addresses is: a name must not point at the inside even once.</summary>
    public string? Refusal(IEnumerable<IPAddress> addresses)
    {
        var list = addresses.ToList();
        if (list.Count == 0) return "the host name has no address";
        return list.Select(Refusal).FirstOrDefault(r => r is not null);
    }

    /// <summary>The IPv4 address an IPv6 address carries: mapped, compatible, NAT64, 6to4 or Teredo.</summary>
    internal static IPAddress? EmbeddedV4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        // ::a.b.c.d (IPv4-compatible, deprecated) — but not :: and ::1 themselves.
        if (bytes.Take(12).All(b => b == 0) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1))
            return new IPAddress(bytes[12..16]);
        // 64:ff9b::/96 (NAT64 well-known prefix).
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b
            && bytes[4..12].All(b => b == 0))
            return new IPAddress(bytes[12..16]);
        // 2002::/16 (6to4): the IPv4 address follows the prefix.
        if (bytes[0] == 0x20 && bytes[1] == 0x02) return new IPAddress(bytes[2..6]);
        // 2001::/32 (Teredo): the client's address is the last 32 bits, inverted.
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x00 && bytes[3] == 0x00)
            return new IPAddress(bytes[12..16].Select(b => (byte)~b).ToArray());
        return null;
    }
}
