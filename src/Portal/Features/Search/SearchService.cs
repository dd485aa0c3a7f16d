using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// PostgreSQL full-text search over title (A), description (B), authors (C) and host (D), ranked.
/// First every word must match; if nothing does, misspelled words are corrected against the list's
/// vocabulary by trigram similarity ("calcio" becomes "calico"); if still nothing, any word may match.
/// </summary>
public sealed partial class SearchService(ReaderDatabase dbFactory, SectionDirectory directory)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var text = query.Text.Trim();
        if (text.Length > SearchQuery.MaxLength) text = text[..SearchQuery.MaxLength];
        // At most eight words: enough for any real query, and a bound on the SQL a request can cause.
        var terms = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(8).ToList();
        if (terms.Count == 0) return new SearchResults(query, [], SearchMatch.All, []);
        // The filter is the section and every section under it; a slug that names no section matches nothing.
        IReadOnlyList<int>? sections = query.Section is not { } slug ? null
            : (await directory.AndBelowAsync(slug, ct))?.Ids ?? [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Raw SQL is not retried by EF Core on its own: the whole search is, from opening the connection on.
        return await ReaderDatabase.RetryingAsync(db, async ct =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // A retry starts on a fresh connection: the one the failure broke goes back to the pool, which drops it.
            if (connection.State != System.Data.ConnectionState.Closed) await connection.CloseAsync();
            await connection.OpenAsync(ct);
            return await SearchAsync(connection, query, sections, terms, ct);
        }, ct);
    }

    private static async Task<SearchResults> SearchAsync(
        NpgsqlConnection connection, SearchQuery query, IReadOnlyList<int>? sections, List<string> terms,
        CancellationToken ct)
    {
        var hits = await RunAsync(connection, query, sections, terms, " && ", ct);
        if (hits.Count > 0) return new SearchResults(query, hits, SearchMatch.All, terms);

        var corrected = await CorrectAsync(connection, terms, ct);
        if (!corrected.SequenceEqual(terms))
        {
            hits = await RunAsync(connection, query, sections, corrected, " && ", ct);
            if (hits.Count > 0) return new SearchResults(query, hits, SearchMatch.Corrected, corrected);
        }
        if (corrected.Count > 1)
        {
            hits = await RunAsync(connection, query, sections, corrected, " || ", ct);
            if (hits.Count > 0) return new SearchResults(query, hits, SearchMatch.Any, corrected);
        }
        return new SearchResults(query, [], SearchMatch.All, terms);
    }

    /// <summary>
    /// Each word not in the list's vocabulary becomes the closest word that is, if any is close:
    /// trigram similarity finds candidates, edit distance picks ("calcio" is 2 edits from "calico",
    /// 3 from "calcote").
    /// </summary>
    private static async Task<List<string>> CorrectAsync(NpgsqlConnection connection, List<string> terms,
        CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var threshold = new NpgsqlCommand("set local pg_trgm.similarity_threshold = 0.2", connection,
            transaction))
            await threshold.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand("""
            select coalesce(
                (select word from search_words where word = t),
                (select word from search_words where word % t
                    order by levenshtein(word, t), similarity(word, t) desc, ndoc desc limit 1),
                t)
            from unnest($1::text[]) with ordinality as terms(t, n) order by n
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = terms.ToArray() });
        var corrected = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) corrected.Add(reader.GetString(0));
        await transaction.CommitAsync(ct);
        return corrected;
    }

    /// <summary>
    /// Each word matches as an English stem (titles, descriptions) or as written (authors, hosts):
    /// "calcote networking" finds Lee Calcote's article on container networking.
    /// </summary>
    private static async Task<List<SearchHit>> RunAsync(NpgsqlConnection connection, SearchQuery query,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, CancellationToken ct)
    {
        var words = string.Join(combine, terms.Select((_,
            i) => $"(plainto_tsquery('english', ${i + 1}) || plainto_tsquery('simple', ${i + 1}))"));
        await using var command = new NpgsqlCommand { Connection = connection };
        foreach (var term in terms) command.Parameters.Add(new NpgsqlParameter { Value = term });
        // Only the filters asked for are in the SQL: an always-true "$n is null or ..." clause still costs its
        // planning. The section filter is a list of ids (from the cached section directory), not a join.
        var filters = new System.Text.StringBuilder();
        if (sections is not null) filters.Append($" and e.section_id = any({Add(sections.ToArray())})");
        if (query.FromYear is { } from) filters.Append($" and extract(year from e.date) >= {Add(from)}");
        if (query.ToYear is { } to) filters.Append($" and extract(year from e.date) <= {Add(to)}");
        if (query.Author is { } author) filters.Append($" and e.author_keys @> array[{Add(author)}::text]");
        // Rank and cut on ids first; only the rows shown (and one more, to know there is a next page) are read whole.
        command.CommandText = $"""
            with q as (select {words} as query),
            top as (
                select e.id, ts_rank(e.search_vector, q.query) as rank
                from q, entries e
                where e.search_vector @@ q.query and e.retired_at is null{filters}
                order by rank desc, e.id
                limit {SearchQuery.PageSize + 1} offset {query.Offset})
            select e.id, e.title, e.url, e.description, e.date, s.title, s.slug, e.authors::text, top.rank
            from top join entries e on e.id = top.id join sections s on s.id = e.section_id
            order by top.rank desc, e.id
            """;

        string Add(object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            return $"${command.Parameters.Count}";
        }

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var authors = System.Text.Json.JsonSerializer.Deserialize<List<Domain.ReadingLists.Author>>(
                reader.GetString(7), Domain.Data.Configurations.AuthorJson.Options) ?? [];
            hits.Add(new SearchHit(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetString(5), reader.GetString(6), authors.Select(a => a.Name).ToList(),
                    Convert.ToDouble(reader.GetValue(8))));
        }
        return hits;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.+#-]*")]
    private static partial Regex Words();
}
