using System.Security.Claims;

namespace ContainerNetLib.Portal.Features.Accounts.Tokens;

public static class TokenEditor
{
    /// <summary>How history names a write made with a token: its owner, "via token" and the token's name.</summary>
    public static EditorIdentity Of(ClaimsPrincipal user) => EditorIdentity.From(user) with
    {
        UserName = $"{user.Identity?.Name} via token {user.FindFirstValue(TokenClaims.Name)}",
    };
}
