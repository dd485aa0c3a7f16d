using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Accounts.Sessions;

/// <summary>Hangfire's hourly sweep of sessions that expired unused (ended ones are deleted when they end), so the
/// table holds about as many rows as there are people signed in.</summary>
public sealed class SessionCleanupJob(IDbContextFactory<PortalDbContext> databases, TimeProvider time)
{
    public const string JobId = "sign-in-sessions-cleanup";
    public const string Cron = "17 * * * *";

    public async Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await SignInSessions.RemoveExpiredAsync(db, time.GetUtcNow(), ct);
    }
}
