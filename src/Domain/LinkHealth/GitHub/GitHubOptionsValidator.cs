using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.LinkHealth.GitHub;

/// <summary>One line per bad value of LinkHealth:GitHub; the token itself is never echoed.</summary>
public sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var failures = new List<string>();
        if (!Urls.UrlNormalizer.IsWebAddress(options.ApiBaseUrl))
            failures.Add($"{GitHubOptions.Section}:ApiBaseUrl '{options.ApiBaseUrl}' is not an http(s) URL");
        // The token travels to this address: in the clear only to this machine (a test's fake API).
        else if (options.HasToken && new Uri(options.ApiBaseUrl) is { Scheme: "http" } api &&
            !Urls.Loopback.IsHost(api))
            failures.Add($"{GitHubOptions.Section}:ApiBaseUrl '{options.ApiBaseUrl}' must be https: the token would " +
                $"travel in the clear");
        if (options.HasToken && options.Token!.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            failures.Add($"{GitHubOptions.Section}:Token contains spaces or line breaks (paste the token alone)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
