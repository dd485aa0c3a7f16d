using System.Security.Claims;
using System.Text.Encodings.Web;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts.Tokens;

/// <summary>
/// The "Bearer" scheme: a personal API token in <c>Authorization: Bearer ...</c>, nowhere else. The principal
/// carries the owner's roles as they are now, and the token's id, name and scope. Failures name no token.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> databases, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var presented = header[(SchemeName.Length + 1)..].Trim();
        await using var db = await databases.CreateDbContextAsync(Context.RequestAborted);
        var token = await ApiTokens.CheckAsync(db, presented, time.GetUtcNow(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The token is unknown, revoked, expired or malformed.");
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, token.UserId),
                new Claim(ClaimTypes.Name, token.UserName),
                new Claim(TokenClaims.Id, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(TokenClaims.Name, token.Name),
                new Claim(TokenClaims.Scope, token.Scope.Name()),
                .. token.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API token is required",
            detail: "Send a personal API token (made at /account/tokens) as \"Authorization: Bearer <token>\". "
                + "A token that is revoked, expired or mistyped is refused; "
                + "a browser's sign-in cookie is not accepted here.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token may not write",
            detail: "Writing needs a token with the write scope whose owner is an editor or administrator now.")
            .ExecuteAsync(Context);
}

/// <summary>Claims a token's principal carries besides its owner's.</summary>
public static class TokenClaims
{
    public const string Id = "cnl:token_id";
    public const string Name = "cnl:token_name";
    public const string Scope = "cnl:token_scope";
}
