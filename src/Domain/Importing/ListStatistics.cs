using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Domain.Importing;

/// <summary>The list's counts, read from the database rows.</summary>
public static class ListStatistics
{
    public static async Task<ListCounts> CountAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("""
            select (select count(*)::int from sections),
                   (select count(*)::int from entries),
                   (select count(*)::int from entries where parent_id is null),
                   (select count(*)::int from links),
                   (select count(distinct normalized_url)::int from links),
                   (select count(*)::int from entries where date is not null)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ListCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
    }
}
