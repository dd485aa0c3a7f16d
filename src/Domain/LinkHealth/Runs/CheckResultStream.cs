using ContainerNetLib.Domain.Entities;
using Npgsql;
using NpgsqlTypes;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Results written with PostgreSQL's COPY, a batch in one stream, so that storing keeps up with checking.
/// <see cref="Columns"/> names every column of check_results but its key, in the order written
/// (a test holds it to the EF model).
/// </summary>
public static class CheckResultStream
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "run_id", "normalized_url", "url", "checked_at", "outcome", "status", "final_url", "redirects", "downgraded",
        "elapsed_ms", "attempts", "host_skipped", "error", "content_type", "fetched_title", "fetched_description",
        "published_time", "author", "canonical_url", "page_kept",
    ];

    /// <summary>Fails whole (nothing written) when any row is there already: 23505, unique violation.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<CheckResult> results,
        CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy check_results ({string.Join(", ", Columns)}) from stdin (format binary)", ct);
        foreach (var r in results)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.RunId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(r.NormalizedUrl, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Url, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.CheckedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(r.Outcome.ToString(), NpgsqlDbType.Varchar, ct);
            await WriteAsync(writer, r.Status, NpgsqlDbType.Integer, ct);
            await WriteAsync(writer, r.FinalUrl, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Redirects, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Downgraded, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(r.ElapsedMs, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(r.Attempts, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(r.HostSkipped, NpgsqlDbType.Boolean, ct);
            foreach (var text in new[] { r.Error, r.ContentType, r.FetchedTitle, r.FetchedDescription, r.PublishedTime,
                r.Author, r.CanonicalUrl })
                await WriteAsync(writer, text, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.PageKept, NpgsqlDbType.Boolean, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
