using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// The list's content revision. Whoever changes content bumps it in the same transaction; the
/// notification reaches every portal instance on commit, and they drop their cached pages.
/// </summary>
public static class ContentRevision
{
    public const string Channel = "content_changed";

    public static Task BumpAsync(PortalDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(
            $"with bumped as (update reading_lists set revision = revision + 1 returning revision) " +
            $"select pg_notify('{Channel}', revision::text) from bumped", ct);
}
