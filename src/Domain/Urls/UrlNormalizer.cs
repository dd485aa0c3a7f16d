using System.Text;

namespace ContainerNetLib.Domain.Urls;

/// <summary>
/// The key under which two spellings of one address count as the same link. Rules, for
/// absolute http and https URLs (anything else is only trimmed):
/// 1. scheme and host lower-case; an internationalised host in its ASCII (punycode) form; a
///    trailing dot on the host dropped;
/// 2. the default port (80 for http, 443 for https) removed;
/// 3. the fragment removed, except a "#!" route, which single-page sites use as the address;
/// 4. a trailing slash removed from a non-empty path ("/blog/" becomes "/blog"), unless a "#!"
///    route follows; an empty path becomes "/";
/// 5. query parameters named utm_* removed, the others kept in their order; an empty query dropped;
/// 6. user-info and percent-encoding kept as written (the SSRF guard refuses user-info later).
/// </summary>
public static class UrlNormalizer
{
    public static string Normalize(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) ||
            !IsWebAddress(uri) || uri.IdnHost.Length == 0)
        {
            return trimmed;
        }

        var result = new StringBuilder(trimmed.Length);
        result.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0) result.Append(uri.UserInfo).Append('@');
        result.Append(uri.IdnHost.TrimEnd('.').ToLowerInvariant());
        if (!uri.IsDefaultPort) result.Append(':').Append(uri.Port);

        var path = uri.AbsolutePath;
        var route = uri.Fragment.StartsWith("#!", StringComparison.Ordinal);
        // With a "#!" route the page lives in the fragment; the path before it stays as written.
        if (!route && path.Length > 1 && path.EndsWith('/')) path = path.TrimEnd('/');
        result.Append(path.Length == 0 ? "/" : path);
        result.Append(Query(uri.Query));
        if (route) result.Append(uri.Fragment);
        return result.ToString();
    }

    /// <summary>A typed host name as <see cref="Host"/> gives hosts (lower case, ASCII), or null when it is not a
    /// name or an IPv4 address.</summary>
    public static string? HostName(string value)
    {
        string ascii;
        try
        {
            ascii = new System.Globalization.IdnMapping().GetAscii(value.Trim().TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        return Uri.CheckHostName(ascii) is UriHostNameType.Dns or UriHostNameType.IPv4 ? ascii : null;
    }

    /// <summary>The host of a normalised http(s) URL, or null.</summary>
    public static string? Host(string url) =>
        TryParseWebAddress(url, out var uri) ? uri.IdnHost.ToLowerInvariant() : null;

    /// <summary>A full http:// or https:// address (surrounding spaces allowed): what the list links to and what
    /// editors may enter.</summary>
    public static bool IsWebAddress(string? text) => TryParseWebAddress(text?.Trim(), out _);

    /// <summary>An http:// or https:// address: the one rule for "is this http(s)?".</summary>
    public static bool IsWebAddress(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static bool TryParseWebAddress(string? text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!) && IsWebAddress(uri);

    private static string Query(string query)
    {
        if (query.Length <= 1) return "";
        var kept = query[1..].Split('&')
            .Where(p => p.Length > 0 && !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase));
        var joined = string.Join('&', kept);
        return joined.Length == 0 ? "" : "?" + joined;
    }
}
