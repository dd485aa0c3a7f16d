using System.Net;

namespace ContainerNetLib.Domain.Urls;

/// <summary>
/// Networks named in a setting, in CIDR form ("10.0.0.0/8", "fd00::/8"). Spaces around an entry are ignored and a
/// blank entry (an unset variable in a compose file) names none; an entry that is not a network is refused at
/// start-up, naming the setting and the entry.
/// </summary>
public static class NetworkList
{
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string?> named)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in Entries(named))
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
        return networks;
    }

    /// <summary>One line per entry that is not a network, each naming <paramref name="setting"/>.</summary>
    public static IEnumerable<string> Problems(string setting, IEnumerable<string?> named) =>
        Entries(named).Where(entry => !IPNetwork.TryParse(entry, out _))
            .Select(entry => $"{setting} has \"{entry}\", which is not a network such as 10.0.0.0/8");

    /// <summary>Whether the address is in one of the networks; an IPv4 address seen as IPv6 (::ffff:10.1.2.3) is
    /// the IPv4 address it carries.</summary>
    public static bool Contains(IEnumerable<IPNetwork> networks, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }

    private static IEnumerable<string> Entries(IEnumerable<string?> named) =>
        named.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim());
}
