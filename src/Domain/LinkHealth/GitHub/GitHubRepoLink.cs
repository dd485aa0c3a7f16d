namespace ContainerNetLib.Domain.LinkHealth.GitHub;

/// <summary>
/// A link into a github.com repository: "/{owner}/{repo}" and whatever follows (a file, an issue, a
/// release). Top-level paths that GitHub keeps for itself (/orgs, /topics, /features, ...) are not
/// repositories, so they are not read as such.
/// </summary>
public sealed record GitHubRepoLink(string Owner, string Repo, string RestOfPath, string QueryAndFragment)
{
    // GitHub refuses these as account names, so "/{name}/x" is one of its own pages, never a repository.
    private static readonly HashSet<string> ReservedOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "account", "apps", "blog", "codespaces", "collections", "contact", "customer-stories", "dashboard",
        "enterprise", "enterprises", "events", "explore", "features", "git-guides", "github-copilot", "issues", "join",
        "login", "logout", "marketplace", "new", "notifications", "organizations", "orgs", "pricing", "pulls",
        "readme", "resources", "search", "security", "sessions", "settings", "signup", "site", "solutions",
        "sponsors", "stars", "team", "topics", "trending", "users", "watching",
    };

    public static bool IsGitHubHost(string host) =>
        host.Equals("github.com", StringComparison.OrdinalIgnoreCase) ||
        host.Equals("www.github.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository a URL points into; null for any other URL.</summary>
    public static GitHubRepoLink? Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (!Urls.UrlNormalizer.IsWebAddress(uri)) return null;
        if (!IsGitHubHost(uri.IdnHost) || uri.UserInfo.Length > 0) return null;
        var path = uri.AbsolutePath;
        var segments = path.Split('/', 4); // "", owner, repo, rest
        if (segments.Length < 3 || !IsOwner(segments[1]) || ReservedOwners.Contains(segments[1])) return null;
        var repo = segments[2].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[2][..^4] : segments[2];
        if (!IsRepo(repo)) return null;
        var rest = segments.Length == 4 ? "/" + segments[3] : "";
        return new(segments[1], repo, rest, uri.Query + uri.Fragment);
    }

    /// <summary>The repository's own page ("/owner/repo" or "/owner/repo/"), rather than something inside it.</summary>
    public bool IsRepositoryPage => RestOfPath is "" or "/";

    /// <summary>The same place in the repository under its new name, as GitHub's own pages redirect.</summary>
    public string MovedTo(string fullName) => $"https://github.com/{fullName}{RestOfPath}{QueryAndFragment}";

    private static bool IsOwner(string name) =>
        name.Length is > 0 and <= 39 && name[0] != '-' && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsRepo(string name) =>
        name.Length is > 0 and <= 100 && name is not ("." or "..") &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
