using System.ComponentModel.DataAnnotations;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using Microsoft.AspNetCore.Authentication;

namespace ContainerNetLib.Portal.Features.Accounts.Tokens;

/// <summary><c>Api:WritesPerMinute</c>: how many writes one token may make in a minute before 429.</summary>
public sealed class ApiWriteOptions
{
    public const string Section = "Api";

    [Range(1, 100_000, ErrorMessage = "Api:WritesPerMinute must be between 1 and 100000")]
    public int WritesPerMinute { get; set; } = 60;
}

public static class ApiTokenSetup
{
    /// <summary>Writing through the API: a write-scope token of someone who is an editor or administrator now.
    /// </summary>
    public const string WritePolicy = "ApiWrite";

    /// <summary>
    /// The Bearer scheme beside the sign-in cookie (the default scheme stays the cookie, so pages never see a
    /// token's principal), the write policy, which names only Bearer (so no cookie can write), and its rate limit.
    /// </summary>
    public static WebApplicationBuilder AddApiTokens(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TokenManagement>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(WritePolicy, policy => policy
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Editing)
            .RequireClaim(TokenClaims.Scope, TokenScope.Write.Name()));
        services.AddOptions<ApiWriteOptions>().Bind(builder.Configuration.GetSection(ApiWriteOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiWriteRateLimit>(ApiWriteRateLimit.Name));
        return builder;
    }
}
