using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// Bulk writes for the importer. Per-row SaveChanges is far too slow for a large list (docs/benchmarks.md, the
/// import), so rows go through PostgreSQL's binary COPY, inside the import's transaction.
/// </summary>
internal sealed class EntryWrites(PortalDbContext db)
{
    /// <summary>
    /// The columns of <c>entries</c> an import writes, each with how its value is written: one list, so the COPY's
    /// column list and the order of the values written cannot drift apart.
    /// </summary>
    internal static readonly IReadOnlyList<(string Column, Func<NpgsqlBinaryImporter, EntryRow, CancellationToken,
        Task> Write)> Written =
    [
        ("id", (copy, row, ct) => copy.WriteAsync(row.Id, NpgsqlDbType.Bigint, ct)),
        ("section_id", (copy, row, ct) => copy.WriteAsync(row.SectionId, NpgsqlDbType.Integer, ct)),
        ("parent_id", (copy, row, ct) => WriteNullableAsync(copy, row.ParentId, NpgsqlDbType.Bigint, ct)),
        ("position", (copy, row, ct) => copy.WriteAsync(row.Position, NpgsqlDbType.Integer, ct)),
        ("markdown", (copy, row, ct) => copy.WriteAsync(row.Markdown, NpgsqlDbType.Text, ct)),
        ("indent", (copy, row, ct) => copy.WriteAsync(row.Indent, NpgsqlDbType.Text, ct)),
        ("marker", (copy, row, ct) => copy.WriteAsync(row.Marker, NpgsqlDbType.Text, ct)),
        ("leading_markdown", (copy, row, ct) => copy.WriteAsync(row.LeadingMarkdown, NpgsqlDbType.Text, ct)),
        ("kind", (copy, row, ct) => copy.WriteAsync(row.Kind.ToString(), NpgsqlDbType.Varchar, ct)),
        ("date", (copy, row, ct) => WriteNullableAsync(copy, row.Date, NpgsqlDbType.Date, ct)),
        ("title", (copy, row, ct) => WriteNullableAsync(copy, row.Title, NpgsqlDbType.Text, ct)),
        ("url", (copy, row, ct) => WriteNullableAsync(copy, row.Url, NpgsqlDbType.Text, ct)),
        ("normalized_url", (copy, row, ct) => WriteNullableAsync(copy, row.NormalizedUrl, NpgsqlDbType.Text, ct)),
        ("description", (copy, row, ct) => WriteNullableAsync(copy, row.Description, NpgsqlDbType.Text, ct)),
        ("authors", (copy, row, ct) => copy.WriteAsync(row.AuthorsJson, NpgsqlDbType.Jsonb, ct)),
        ("author_keys",
            (copy, row, ct) => copy.WriteAsync(row.AuthorKeys, NpgsqlDbType.Array | NpgsqlDbType.Text, ct)),
        ("content_hash", (copy, row, ct) => copy.WriteAsync(row.ContentHash, NpgsqlDbType.Bytea, ct)),
        ("created_at", (copy, row, ct) => copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, ct)),
        ("updated_at", (copy, row, ct) => copy.WriteAsync(row.UpdatedAt, NpgsqlDbType.TimestampTz, ct)),
    ];

    /// <summary>Columns of <c>entries</c> an import leaves alone: PostgreSQL's own, and the editors'.</summary>
    internal static readonly IReadOnlyList<string> NotWritten = ["search_vector", "xmin", "retired_at"];

    private static readonly string Columns = string.Join(", ", Written.Select(w => w.Column));

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>Ids from the entries' own identity sequence, taken before the rows exist so children can name
    /// parents.</summary>
    public async Task<long[]> ReserveIdsAsync(int count, CancellationToken ct)
    {
        if (count == 0) return [];
        await using var command = new NpgsqlCommand(
            "select nextval(pg_get_serial_sequence('entries', 'id')) from generate_series(1, $1)", Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var ids = new long[count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
        return ids;
    }

    public Task InsertAsync(IReadOnlyList<EntryRow> rows, CancellationToken ct) =>
        CopyEntriesAsync("entries", rows, ct);

    public async Task UpdateAsync(IReadOnlyList<EntryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await ExecuteAsync(
            $"create temp table entry_updates on commit drop as select {Columns} from entries with no data", ct);
        await CopyEntriesAsync("entry_updates", rows, ct);
        var assignments = string.Join(", ", Written.Skip(1).Select(w => $"{w.Column} = u.{w.Column}"));
        await ExecuteAsync($"update entries e set {assignments} from entry_updates u where e.id = u.id", ct);
        await ExecuteAsync("drop table entry_updates", ct);
    }

    public Task DeleteAsync(IReadOnlyList<long> ids, CancellationToken ct) =>
        DeleteWhereAsync("entries", "id", ids, ct);

    /// <summary>Replaces the links of entries whose content changed.</summary>
    public async Task ReplaceLinksAsync(IReadOnlyList<EntryRow> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await DeleteWhereAsync("links", "entry_id", entries.Select(e => e.Id).ToList(), ct);
        await InsertLinksAsync(entries, ct);
    }

    public async Task InsertLinksAsync(IReadOnlyList<EntryRow> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await using var copy = await Connection.BeginBinaryImportAsync(
            "copy links (entry_id, position, url, normalized_url, text, role) from stdin (format binary)", ct);
        foreach (var entry in entries)
        {
            foreach (var link in entry.Links)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(entry.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(link.Position, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(link.Url, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(link.NormalizedUrl, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(link.Text, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(link.Role.ToString(), NpgsqlDbType.Varchar, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private async Task CopyEntriesAsync(string table, IReadOnlyList<EntryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var copy =
            await Connection.BeginBinaryImportAsync($"copy {table} ({Columns}) from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var (_, write) in Written) await write(copy, row, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type,
        CancellationToken ct)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type,
        CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private async Task DeleteWhereAsync(string table, string column, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var command = new NpgsqlCommand($"delete from {table} where {column} = any($1)", Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
