using System.Security.Claims;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>Who made a change, as history shows it.</summary>
public sealed record EditorIdentity(string? UserId, string UserName)
{
    public static EditorIdentity From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "unknown");
}
