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
                   (select count(*)::int from entries where retired_at is null),
                   (select count(*)::int from entries where parent_id is null and retired_at is null),
                   (select count(*)::int from links l join entries e on e.id = l.entry_id where e.retired_at is null),
                   (select count(distinct l.normalized_url)::int from links l join entries e on e.id = l.entry_id
                    where e.retired_at is null),
                   (select count(*)::int from entries where date is not null and retired_at is null)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ListCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4), reader.GetInt32(5));
    }
}
