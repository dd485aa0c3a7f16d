namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// What the checker refuses before any name is resolved: schemes other than http and https,
/// user-info ("http://a@b/" hides the real host from a reader), ports other than 80 and 443 unless
/// configured, and IP literals in any spelling that the address policy refuses.
/// </summary>
public sealed class UrlPolicy(AddressPolicy addresses, IReadOnlySet<int>? extraPorts = null)
{
    private static readonly int[] DefaultPorts = [80, 443];

    /// <summary>Null when the URL may be fetched (its host still goes through the address policy at connect
    /// time).</summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return "not an absolute URL";
        if (!Urls.UrlNormalizer.IsWebAddress(uri))
            return $"the scheme {uri.Scheme}: is not checked (only http and https)";
        if (uri.UserInfo.Length > 0) return "user-info in the URL (user@host) is refused";
        if (!DefaultPorts.Contains(uri.Port) && extraPorts?.Contains(uri.Port) != true)
            return $"port {uri.Port} is not allowed (80 and 443 unless configured)";
        // Uri has already read "2130706433", "0x7f.1" and "[::ffff:127.0.0.1]" as the addresses they are.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 &&
            System.Net.IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return addresses.Refusal(literal);
        }
        return null;
    }
}
