namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>Which link and image addresses may reach a reader: http, https and mailto, and same-site paths and
/// anchors.</summary>
public static class LinkPolicy
{
    /// <summary>The address if allowed, otherwise "" (the link keeps its text and goes nowhere).</summary>
    public static string Allowed(string? url, bool image)
    {
        if (string.IsNullOrWhiteSpace(url)) return "";
        // Browsers drop control characters and white space inside a scheme ("java\tscript:"); so does this check.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme)
        {
            // "//host/path" would leave the site without a scheme check; a plain path or anchor stays.
            return compact.StartsWith("//", StringComparison.Ordinal) || compact.StartsWith(@"\\",
                StringComparison.Ordinal) ? "" : url;
        }
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" => url,
            "mailto" when !image => url,
            _ => "",
        };
    }
}
