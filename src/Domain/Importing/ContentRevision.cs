using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// What every change to the list's content must do, in the transaction that makes it: bump the
/// content revision (<see cref="BumpAsync"/>). The notification reaches every portal instance on
/// commit, and they drop their cached pages. An import also refreshes the search vocabulary (typo
/// correction) in its transaction (<see cref="RecordChangeAsync"/>); editors' saves only bump, and
/// ask the portal's SearchVocabulary for a refresh in the background, so a save never waits for it.
/// </summary>
public static class ContentRevision
{
    public const string Channel = "content_changed";

    /// <summary>An import's change: the search vocabulary refreshed and the revision bumped.</summary>
    public static async Task RecordChangeAsync(PortalDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("refresh materialized view search_words", ct);
        await BumpAsync(db, ct);
    }

    /// <summary>
    /// For changes that alter what reader pages show but not the searchable text (link-health
    /// badges after a check run, an accepted link state): the cached pages go, the vocabulary stays.
    /// </summary>
    /// <returns>The new revision, so that the instance that made the change follows it at once, before the
    /// notification comes back: whoever saved then reads sees what they saved.</returns>
    public static async Task<long> BumpAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "with bumped as (update reading_lists set revision = revision + 1 returning revision), " +
            $"notified as (select pg_notify('{Channel}', revision::text) from bumped) " +
            "select bumped.revision from bumped, notified";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
