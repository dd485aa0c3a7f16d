using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// PostgreSQL full-text search over title (A), description (B), authors (C) and host (D), ranked;
/// when nothing matches, titles by trigram similarity, so a typo ("calcio", "macvlna") still finds
/// the entry.
/// </summary>
public sealed partial class SearchService(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int Limit = 50;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var text = query.Text.Trim();
        if (text.Length > SearchQuery.MaxLength) text = text[..SearchQuery.MaxLength];
        var terms = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (terms.Count == 0) return new SearchResults(query, [], false, []);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var hits = await RunAsync(connection, FullTextSql(query), text, query, ct);
        if (hits.Count > 0) return new SearchResults(query, hits, false, terms);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var threshold = new NpgsqlCommand("set local pg_trgm.word_similarity_threshold = 0.3", connection, transaction))
            await threshold.ExecuteNonQueryAsync(ct);
        hits = await RunAsync(connection, FuzzySql(query), text, query, ct, transaction);
        return new SearchResults(query, hits, true, terms);
    }

    private static string FullTextSql(SearchQuery query) => $"""
        select e.id, e.title, e.url, e.description, e.date, s.title, s.slug, e.authors::text,
               ts_rank_cd(e.search_vector, websearch_to_tsquery('english', $1)) + ts_rank_cd(e.search_vector, websearch_to_tsquery('simple', $1)) as rank
        from entries e join sections s on s.id = e.section_id
        where (e.search_vector @@ websearch_to_tsquery('english', $1) or e.search_vector @@ websearch_to_tsquery('simple', $1)) {Filters(query)}
        order by rank desc, e.id
        limit {Limit}
        """;

    private static string FuzzySql(SearchQuery query) => $"""
        select e.id, e.title, e.url, e.description, e.date, s.title, s.slug, e.authors::text, word_similarity($1, e.title) as rank
        from entries e join sections s on s.id = e.section_id
        where $1 <% e.title {Filters(query)}
        order by rank desc, e.id
        limit {Limit}
        """;

    // Filters are parameters $2..$5; null means "any".
    private static string Filters(SearchQuery query) =>
        "and ($2::text is null or s.slug = $2 or s.parent_id = (select id from sections where slug = $2)) " +
        "and ($3::int is null or extract(year from e.date) >= $3) " +
        "and ($4::int is null or extract(year from e.date) <= $4) " +
        "and ($5::text is null or e.author_keys @> array[$5::text])";

    private static async Task<List<SearchHit>> RunAsync(NpgsqlConnection connection, string sql, string text, SearchQuery query, CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Section ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.FromYear ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.ToYear ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Author ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var authors = System.Text.Json.JsonSerializer.Deserialize<List<Domain.ReadingLists.Author>>(reader.GetString(7), Domain.Data.Configurations.AuthorJson.Options) ?? [];
            hits.Add(new SearchHit(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetString(5), reader.GetString(6), authors.Select(a => a.Name).ToList(), Convert.ToDouble(reader.GetValue(8))));
        }
        return hits;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.+#-]*")]
    private static partial Regex Words();
}
