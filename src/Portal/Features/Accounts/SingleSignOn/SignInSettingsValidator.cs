using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>One line per bad value of <c>Authentication:*</c>; the client secret itself is never echoed.</summary>
public sealed class SignInSettingsValidator : IValidateOptions<SignInSettings>
{
    private const string Oidc = OidcSettings.Section;

    public ValidateOptionsResult Validate(string? name, SignInSettings settings)
    {
        var failures = settings.SingleSignOn
            ? ProviderFailures(settings.Oidc).ToList()
            : WithoutProvider(settings).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ProviderFailures(OidcSettings oidc)
    {
        if (oidc.AuthorityUri is not { } authority)
            yield return $"{Oidc}:Authority '{oidc.Authority}' is not an http(s) URL";
        else if (authority.Scheme == "http" && oidc.HttpsMetadataRequired)
            yield return $"{Oidc}:Authority '{oidc.Authority}' must be https: the provider's keys would travel " +
                "in the clear " +
                $"(only a provider on this machine, or {Oidc}:RequireHttpsMetadata=false, may use http)";
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
            yield return $"{Oidc}:ClientId is missing: the provider knows this portal by it";
        if (oidc.ClientSecret is { } secret && secret.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            yield return $"{Oidc}:ClientSecret contains spaces or line breaks (paste the secret alone)";
        if (!oidc.ScopeList.Contains("openid"))
            yield return $"{Oidc}:Scopes '{oidc.Scopes}' must include openid";
        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            yield return $"{Oidc}:RoleClaim is empty: name the claim that lists a person's groups (e.g. groups)";
        foreach (var (list, groups) in new[] { ("AdminGroups", oidc.AdminGroups), ("EditorGroups", oidc.EditorGroups) })
            if (groups.Any(string.IsNullOrWhiteSpace))
                yield return $"{Oidc}:{list} has an empty group name";
        if (string.IsNullOrWhiteSpace(oidc.DisplayName))
            yield return $"{Oidc}:DisplayName is empty: it is the sign-in button's words";
    }

    private static IEnumerable<string> WithoutProvider(SignInSettings settings)
    {
        if (settings.AutoRedirect)
            yield return $"{SignInSettings.Section}:AutoRedirect needs {Oidc}:Authority: " +
                "there is no provider to send people to";
        if (!settings.LocalAccounts)
            yield return $"{SignInSettings.Section}:LocalAccounts=false needs {Oidc}:Authority: nobody could sign in";
        // A misspelt Authority key would otherwise leave single sign-on silently off.
        if (!string.IsNullOrWhiteSpace(settings.Oidc.ClientId))
            yield return $"{Oidc}:ClientId is set but {Oidc}:Authority is not";
    }
}
