using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>
/// Signing out of an account that came through the provider also ends the provider's session, when its discovery
/// document offers an end_session_endpoint: otherwise the next "Sign in with" would let the same person straight
/// back in, on a shared computer too.
/// </summary>
public sealed class SingleSignOut(
    IOptionsMonitor<OpenIdConnectOptions> schemes, IOptions<SignInSettings> settings, ILogger<SingleSignOut> log)
{
    public const string IdTokenHint = "id_token_hint";

    /// <summary>The redirect to the provider's sign-out, or null when there is none to make. Read before the local
    /// sign-out: the ID token is kept in the portal's cookie.</summary>
    public async Task<IResult?> ProviderSignOutAsync(HttpContext context)
    {
        var idToken = await context.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token");
        if (idToken is null || !await ProviderEndsSessionsAsync(context.RequestAborted)) return null;
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        properties.SetParameter(IdTokenHint, idToken);
        return Results.SignOut(properties, [SingleSignOnSetup.Scheme]);
    }

    private async Task<bool> ProviderEndsSessionsAsync(CancellationToken ct)
    {
        try
        {
            var configuration = await schemes.Get(SingleSignOnSetup.Scheme).ConfigurationManager!
                .GetConfigurationAsync(ct);
            // Only where the Content-Security-Policy lets the sign-out form go (SecurityHeaders): the authority's
            // origin.
            return Uri.TryCreate(configuration.EndSessionEndpoint, UriKind.Absolute, out var endpoint) &&
                endpoint.GetLeftPart(UriPartial.Authority) == settings.Value.Oidc.AuthorityOrigin;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            // The local sign-out still happens; the provider's session ends by its own rules.
            SignInFailure.Log(log, SignInFailure.Unavailable, e);
            return false;
        }
    }
}
