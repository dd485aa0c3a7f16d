using ContainerNetLib.Domain.Entities;
using Npgsql;
using NpgsqlTypes;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Results written with PostgreSQL's COPY, a batch in one stream, so that storing keeps up with checking.
/// <see cref="Columns"/> names every column of check_results but its key, in the order written
/// (a test holds it to the EF model).
/// </summary>
public static class CheckResultCopy
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
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy check_results ({string.Join(", ", Columns)}) from stdin (format binary)", ct);
        foreach (var r in results)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.RunId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.NormalizedUrl, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Url, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.CheckedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.Outcome.ToString(), NpgsqlDbType.Varchar, ct);
            await WriteAsync(copy, r.Status, NpgsqlDbType.Integer, ct);
            await WriteAsync(copy, r.FinalUrl, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Redirects, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Downgraded, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(r.ElapsedMs, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.Attempts, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.HostSkipped, NpgsqlDbType.Boolean, ct);
            foreach (var text in new[] { r.Error, r.ContentType, r.FetchedTitle, r.FetchedDescription, r.PublishedTime,
                r.Author, r.CanonicalUrl })
                await WriteAsync(copy, text, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.PageKept, NpgsqlDbType.Boolean, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
