using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// PostgreSQL's advice for populating a database: drop the GIN indexes (full text, trigrams,
/// authors) and the foreign keys
/// before a large load and re-create them after (one index build and one validating join instead
/// of an index update per row and a trigger check per reference). Done inside the import's
/// transaction, so a failure restores them, and only for large loads: it locks the tables
/// against readers until commit, which a small nightly import must not do.
/// </summary>
internal sealed class BulkLoad(PortalDbContext db)
{
    /// <summary>Below this many new rows the incremental path is fast enough.</summary>
    public const int Threshold = 5_000;

    private readonly List<(string Table, string Name, string Definition)> _constraints = [];
    private readonly List<string> _indexes = [];

    public async Task SuspendAsync(CancellationToken ct)
    {
        // The definitions are read from the catalogue, so what is re-created is exactly what the migrations made.
        await using (var reader = await Query("""
            select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
            where contype = 'f' and conrelid in ('entries'::regclass, 'links'::regclass)
            """, ct))
        {
            while (await reader.ReadAsync(ct)) _constraints.Add((reader.GetString(0), reader.GetString(1),
                reader.GetString(2)));
        }
        var names = new List<string>();
        await using (var reader = await Query(
            "select indexname, indexdef from pg_indexes where tablename = 'entries' and indexdef like '%USING gin%'",
                ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
                _indexes.Add(reader.GetString(1));
            }
        }
        foreach (var (table, name, _) in _constraints) await Execute($"alter table {table} drop constraint {name}", ct);
        foreach (var name in names) await Execute($"drop index {name}", ct);
    }

    public async Task RecreateIndexesAsync(CancellationToken ct)
    {
        foreach (var index in _indexes) await Execute(index, ct);
        foreach (var (table, name, definition) in _constraints) await
            Execute($"alter table {table} add constraint {name} {definition}", ct);
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private async Task<NpgsqlDataReader> Query(string sql, CancellationToken ct)
    {
        var command = new NpgsqlCommand(sql, Connection);
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
