using System.ComponentModel.DataAnnotations;

namespace ContainerNetLib.Domain.LinkHealth.GitHub;

/// <summary>How links into github.com are checked (configuration LinkHealth:GitHub); validated at start-up.</summary>
public sealed class GitHubOptions
{
    public const string Section = "LinkHealth:GitHub";

    /// <summary>For the REST API; without it, repository links are checked as ordinary pages. Never logged.</summary>
    public string? Token { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.github.com";

    /// <summary>Requests a minute to github.com itself, so that a large list does not earn the checker 429s.</summary>
    [Range(1, 600)] public int PerMinute { get; set; } = 30;

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>The gap between two requests to github.com that keeps to <see cref="PerMinute"/>.</summary>
    // A method, not a property: binding and validation read every property, valid or not (PerMinute 0 here).
    public TimeSpan Pace() => TimeSpan.FromMinutes(1) / PerMinute;

    // The token must not reach a log through a debugger display or a string interpolation.
    public override string ToString() =>
        $"GitHub API {ApiBaseUrl}, token {(HasToken ? "set" : "not set")}, {PerMinute} a minute";
}
