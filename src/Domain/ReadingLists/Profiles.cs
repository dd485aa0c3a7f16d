using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>Link texts that point at a person rather than at something to read: "github", "linkedin", "here",
/// "cilium.io".</summary>
internal static partial class Profiles
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "github", "gitlab", "linkedin", "twitter", "x", "mastodon", "bluesky", "medium", "blog", "homepage",
        "home page", "website", "web site", "site", "here", "about", "profile", "facebook", "youtube", "@",
    };

    public static bool IsProfileText(string text)
    {
        var t = text.Trim();
        return Words.Contains(t) || t.StartsWith('@') || DomainName().IsMatch(t);
    }

    [GeneratedRegex(@"^[\w-]+(\.[\w-]+)+$")]
    private static partial Regex DomainName();
}
