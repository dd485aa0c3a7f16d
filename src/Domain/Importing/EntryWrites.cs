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
        ("id", (writer, row, ct) => writer.WriteAsync(row.Id, NpgsqlDbType.Bigint, ct)),
        ("section_id", (writer, row, ct) => writer.WriteAsync(row.SectionId, NpgsqlDbType.Integer, ct)),
        ("parent_id", (writer, row, ct) => WriteNullableAsync(writer, row.ParentId, NpgsqlDbType.Bigint, ct)),
        ("position", (writer, row, ct) => writer.WriteAsync(row.Position, NpgsqlDbType.Integer, ct)),
        ("markdown", (writer, row, ct) => writer.WriteAsync(row.Markdown, NpgsqlDbType.Text, ct)),
        ("indent", (writer, row, ct) => writer.WriteAsync(row.Indent, NpgsqlDbType.Text, ct)),
        ("marker", (writer, row, ct) => writer.WriteAsync(row.Marker, NpgsqlDbType.Text, ct)),
        ("leading_markdown", (writer, row, ct) => writer.WriteAsync(row.LeadingMarkdown, NpgsqlDbType.Text, ct)),
        ("shape", (writer, row, ct) => writer.WriteAsync(row.Shape.ToString(), NpgsqlDbType.Varchar, ct)),
        ("cells", (writer, row, ct) => writer.WriteAsync(row.CellsJson, NpgsqlDbType.Jsonb, ct)),
        ("kind", (writer, row, ct) => writer.WriteAsync(row.Kind.ToString(), NpgsqlDbType.Varchar, ct)),
        ("date", (writer, row, ct) => WriteNullableAsync(writer, row.Date, NpgsqlDbType.Date, ct)),
        ("title", (writer, row, ct) => WriteNullableAsync(writer, row.Title, NpgsqlDbType.Text, ct)),
        ("url", (writer, row, ct) => WriteNullableAsync(writer, row.Url, NpgsqlDbType.Text, ct)),
        ("normalized_url", (writer, row, ct) => WriteNullableAsync(writer, row.NormalizedUrl, NpgsqlDbType.Text, ct)),
        ("description", (writer, row, ct) => WriteNullableAsync(writer, row.Description, NpgsqlDbType.Text, ct)),
        ("authors", (writer, row, ct) => writer.WriteAsync(row.AuthorsJson, NpgsqlDbType.Jsonb, ct)),
        ("author_keys",
            (writer, row, ct) => writer.WriteAsync(row.AuthorKeys, NpgsqlDbType.Array | NpgsqlDbType.Text, ct)),
        ("content_hash", (writer, row, ct) => writer.WriteAsync(row.ContentHash, NpgsqlDbType.Bytea, ct)),
        ("created_at", (writer, row, ct) => writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, ct)),
        ("updated_at", (writer, row, ct) => writer.WriteAsync(row.UpdatedAt, NpgsqlDbType.TimestampTz, ct)),
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
        await using var writer = await Connection.BeginBinaryImportAsync(
            "copy links (entry_id, position, url, normalized_url, text, role) from stdin (format binary)", ct);
        foreach (var entry in entries)
        {
            foreach (var link in entry.Links)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(entry.Id, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(link.Position, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(link.Url, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(link.NormalizedUrl, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(link.Text, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(link.Role.ToString(), NpgsqlDbType.Varchar, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private async Task CopyEntriesAsync(string table, IReadOnlyList<EntryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var writer =
            await Connection.BeginBinaryImportAsync($"copy {table} ({Columns}) from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (_, write) in Written) await write(writer, row, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type,
        CancellationToken ct)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, ct) : writer.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type,
        CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

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
