using System.Security.Claims;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Portal.Infrastructure.Database;

namespace ContainerNetLib.Portal.Features.Accounts.Sessions;

/// <summary>
/// "Is the session this principal came with still live?", for what outlives a request: an interactive page's circuit
/// asks at its start and before each action. False for a principal without a session (not signed in with the
/// cookie), so a page that asks never acts for a session it cannot name.
/// </summary>
public sealed class SessionCheck(ReaderDatabase databases, TimeProvider time)
{
    public async Task<bool> IsAliveAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(SessionCookie.KeyClaim) is not { } key) return false;
        await using var db = await databases.CreateDbContextAsync(ct);
        return await SignInSessions.IsAliveAsync(db, key, time.GetUtcNow(), ct);
    }
}
