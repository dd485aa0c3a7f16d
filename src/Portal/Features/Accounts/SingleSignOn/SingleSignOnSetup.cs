using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

public static class SingleSignOnSetup
{
    public const string Scheme = "oidc";
    public const string StartPath = "/account/sso";
    public const string FailedPath = "/account/sign-in-failed";
    private const string CallbackPath = "/signin-oidc";
    private const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>
    /// The sign-in settings, always (the password form reads them), and the OpenID Connect scheme when an authority
    /// is set: schemes are fixed once the app is built, so that is read from configuration now.
    /// </summary>
    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SignInSettings.Section);
        var services = builder.Services;
        services.AddOptions<SignInSettings>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInSettings>, SignInSettingsValidator>();
        if (section.Get<SignInSettings>() is not { SingleSignOn: true } settings) return builder;

        services.AddScoped<SingleSignOnAccounts>();
        services.AddScoped<SingleSignOnEvents>();
        services.AddSingleton<SingleSignOut>();
        // Signing out also at the provider is a form post answered by a redirect there: form-action must allow it.
        services.AddOptions<SecurityHeaderOptions>().Configure<IOptions<SignInSettings>>((headers, signIn) =>
        {
            if (signIn.Value.Oidc.AuthorityOrigin is { } origin) headers.FormActionOrigins.Add(origin);
        });
        services.AddAuthentication().AddOpenIdConnect(Scheme, settings.Oidc.DisplayName, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<SignInSettings>>((options, signIn) => Configure(options, signIn.Value.Oidc));
        return builder;
    }

    private static void Configure(OpenIdConnectOptions options, OidcSettings oidc)
    {
        options.Authority = oidc.Authority!.Trim();
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret.Trim();
        options.RequireHttpsMetadata = oidc.HttpsMetadataRequired;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in oidc.ScopeList) options.Scope.Add(scope);
        options.CallbackPath = CallbackPath;
        options.SignedOutCallbackPath = SignedOutCallbackPath;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
        // The ID token is kept only to name the session when signing out at the provider (SingleSignOut).
        options.SaveTokens = true;
        // Never used for a session: SingleSignOnEvents signs the account in with the portal's own cookie.
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.EventsType = typeof(SingleSignOnEvents);
        // Cross-site on the way back from the provider (form_post): SameSite=None, Secure but on plain loopback.
        options.CorrelationCookie = new LoopbackAwareCookieBuilder
        {
            Name = ".cnl.Correlation.", SameSite = SameSiteMode.None,
        };
        options.NonceCookie = new LoopbackAwareCookieBuilder { Name = ".cnl.Nonce.", SameSite = SameSiteMode.None };
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder endpoints)
    {
        // Open in private mode too: starting a sign-in is what an anonymous visitor does.
        endpoints.MapGet(StartPath, StartAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task StartAsync(HttpContext context, string? returnUrl, IOptions<SignInSettings> settings,
        ILogger<SingleSignOnEvents> log)
    {
        if (!settings.Value.SingleSignOn)
        {
            context.Response.Redirect(AccountSetup.LoginPath);
            return;
        }
        try
        {
            var properties = new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) };
            await context.ChallengeAsync(Scheme, properties);
        }
        catch (Exception e)
            when (e is InvalidOperationException or HttpRequestException or OpenIdConnectProtocolException)
        {
            // The discovery document could not be read (the provider is down, the authority wrong), or the provider
            // refused the pushed request (an unknown client id, a wrong secret).
            var reason = e is OpenIdConnectProtocolException ? SignInFailure.Refused : SignInFailure.Unavailable;
            SignInFailure.Log(log, reason, e);
            context.Response.Redirect(SignInFailure.PageFor(reason));
        }
    }
}
