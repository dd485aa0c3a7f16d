namespace ContainerNetLib.Domain.Accounts.Sessions;

/// <summary>
/// "Firefox on Linux" from a User-Agent header: enough for someone to tell their own browsers apart in their list of
/// sessions (the header itself is shown beside it). Not a detector: a browser may say anything.
/// </summary>
public static class BrowserName
{
    // First match wins: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"), ("curl/", "curl"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "An unnamed browser";
        var browser = First(userAgent, Browsers) ?? "A browser";
        return First(userAgent, Systems) is { } system ? $"{browser} on {system}" : browser;
    }

    private static string? First(string userAgent, (string Token, string Name)[] names) =>
        names.FirstOrDefault(n => userAgent.Contains(n.Token, StringComparison.Ordinal)).Name;
}
