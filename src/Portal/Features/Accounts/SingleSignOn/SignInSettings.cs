using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>
/// <c>Authentication:*</c>: who may sign in how. Passwords (local accounts) stay on unless turned off; an
/// OpenID provider is offered when <c>Authentication:Oidc:Authority</c> is set.
/// </summary>
public sealed class SignInSettings
{
    public const string Section = "Authentication";

    public bool LocalAccounts { get; set; } = true;

    /// <summary>Sends the sign-in page straight to the provider (<c>/account/login?local=true</c> still shows the
    /// password form, for an administrator made with the users command).</summary>
    public bool AutoRedirect { get; set; }

    public OidcSettings Oidc { get; set; } = new();

    public bool SingleSignOn => !string.IsNullOrWhiteSpace(Oidc.Authority);
}

/// <summary><c>Authentication:Oidc:*</c>: the OpenID provider and how its groups map to roles.</summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string Scopes { get; set; } = "openid profile email";
    public string RoleClaim { get; set; } = "groups";
    public List<string> AdminGroups { get; set; } = [];
    public List<string> EditorGroups { get; set; } = [];
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Unset: required, except for a provider on this machine (the tests', a developer's).</summary>
    public bool? RequireHttpsMetadata { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool HttpsMetadataRequired => RequireHttpsMetadata ?? !IsLoopbackAuthority;

    /// <summary>"https://host[:port]" of the authority, or null without a (valid) one.</summary>
    public string? AuthorityOrigin => AuthorityUri?.GetLeftPart(UriPartial.Authority);

    internal Uri? AuthorityUri =>
        Uri.TryCreate(Authority?.Trim(), UriKind.Absolute, out var uri) && UrlNormalizer.IsWebAddress(uri) ? uri : null;

    private bool IsLoopbackAuthority => AuthorityUri is { } uri && Loopback.IsHost(uri);
}
