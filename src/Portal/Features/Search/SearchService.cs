using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// PostgreSQL full-text search over title (A), description (B), authors (C) and host (D), ranked, then over the
/// latest saved copy of each entry's page (after every entry matched by its own words, in the list's order).
/// First every word must match; if nothing does, misspelled words are corrected against the list's
/// vocabulary by trigram similarity ("calcio" becomes "calico"); if still nothing, any word may match.
/// </summary>
public sealed partial class SearchService(RetryingDatabase dbFactory, SectionDirectory directory,
    IOptions<SavedCopyOptions> savedCopies)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var text = query.Text.Trim();
        if (text.Length > TextField.SearchWords.MaxLength) text = text[..TextField.SearchWords.MaxLength];
        // At most eight words: enough for any real query, and a bound on the SQL a request can cause.
        var terms = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(8).ToList();
        if (terms.Count == 0) return new SearchResults(query, [], SearchMatch.All, []);
        // The filter is the section and every section under it; a slug that names no section matches nothing.
        IReadOnlyList<int>? sections = query.Section is not { } slug ? null
            : (await directory.AndBelowAsync(slug, ct))?.Ids ?? [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Raw SQL is not retried by EF Core on its own: the whole search is, from opening the connection on.
        return await RetryingDatabase.RetryingAsync(db, async ct =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // A retry starts on a fresh connection: the one the failure broke goes back to the pool, which drops it.
            if (connection.State != System.Data.ConnectionState.Closed) await connection.CloseAsync();
            await connection.OpenAsync(ct);
            return await SearchAsync(connection, query, savedCopies.Value.Enabled, sections, terms, ct);
        }, ct);
    }

    private static async Task<SearchResults> SearchAsync(NpgsqlConnection connection, SearchQuery query,
        bool pages, IReadOnlyList<int>? sections, List<string> terms, CancellationToken ct)
    {
        var hits = await RunAsync(connection, query, pages, sections, terms, " && ", ct);
        if (hits.Count > 0) return new SearchResults(query, hits, SearchMatch.All, terms);

        var corrected = await CorrectAsync(connection, terms, ct);
        if (!corrected.SequenceEqual(terms))
        {
            hits = await RunAsync(connection, query, pages, sections, corrected, " && ", ct);
            if (hits.Count > 0) return new SearchResults(query, hits, SearchMatch.Corrected, corrected);
        }
        if (corrected.Count > 1)
        {
            hits = await RunAsync(connection, query, pages, sections, corrected, " || ", ct);
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
    /// "calcote networking" finds Lee Calcote's article on container networking. Entries whose own words match come
    /// first; after them, entries matched only by the latest saved copy of their page (<see cref="FoundIn.Page"/>).
    /// </summary>
    /// <param name="pages">Whether saved pages are searched too (not with SavedCopies:Enabled false).</param>
    private static async Task<List<SearchHit>> RunAsync(NpgsqlConnection connection, SearchQuery query, bool pages,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, CancellationToken ct)
    {
        const int wanted = SearchQuery.PageSize + 1;
        var hits = await ReadAsync(connection, query, sections, terms, combine, EntryHitsSql(wanted, query.Offset),
            ct);
        if (hits.Count == wanted || !pages) return hits;
        // Page hits continue the list where entry hits end: this page takes the first page hits when entry hits
        // ended on it, or page hits further on when they ended on an earlier page (counted only then).
        var entryTotal = hits.Count > 0 || query.Offset == 0 ? query.Offset + hits.Count
            : await CountEntryHitsAsync(connection, query, sections, terms, combine, ct);
        var pageHits = await PageHitsAsync(connection, query, sections, terms, combine, wanted - hits.Count,
            Math.Max(0, query.Offset - entryTotal), ct);
        if (pageHits.Count == 0) return hits;
        var marks = new Highlighter(terms);
        hits.AddRange(pageHits.Select(h => h with { Passage = Passage.Around(h.Passage!, marks) }));
        return hits;
    }

    // Rank and cut on ids first; only the rows shown (and one more, to know there is a next page) are read whole.
    private static Func<string, string, string> EntryHitsSql(int limit, int offset) => (words, filters) => $"""
        with q as (select {words} as query),
        top as (
            select e.id, ts_rank(e.search_vector, q.query) as rank
            from q, entries e
            where e.search_vector @@ q.query and e.retired_at is null{filters}
            order by rank desc, e.id
            limit {limit} offset {offset})
        select e.id, e.title, e.url, e.description, e.date, s.title, s.slug, e.authors::text, top.rank, null::text
        from top join entries e on e.id = top.id join sections s on s.id = e.section_id
        order by top.rank desc, e.id
        """;

    /// <summary>
    /// Entries not matched by their own words whose page's latest copy matches, in the list's order (by id); the
    /// copy's text is read only for the rows shown, for their passage. Not ranked by ts_rank: that reads each
    /// matching copy's whole index entry from TOAST, over a second for a word in most pages, where the list's
    /// order lets PostgreSQL stop at the first page of hits. For the same reason sequential scans are off here:
    /// the planner does not count TOAST reads, and would test a common word against every copy's vector.
    /// </summary>
    private static async Task<List<SearchHit>> PageHitsAsync(NpgsqlConnection connection, SearchQuery query,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, int limit, int offset,
        CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var plan = new NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
            await plan.ExecuteNonQueryAsync(ct);
        var hits = await ReadAsync(connection, query, sections, terms, combine, (words, filters) => $"""
            with q as (select {words} as query),
            top as (
                select e.id, c.id as copy_id
                from q, saved_copies c join entries e on {ReadingMaterial.IsMaterialOfSql("e", "c.normalized_url")}
                where c.search_vector @@ q.query
                  and {LatestCopy.IsLatestSql("c")}
                  and e.retired_at is null and not (e.search_vector @@ q.query){filters}
                order by e.id
                limit {limit} offset {offset})
            select e.id, e.title, e.url, e.description, e.date, s.title, s.slug, e.authors::text, 0, c.text
            from top join entries e on e.id = top.id join sections s on s.id = e.section_id
                join saved_copies c on c.id = top.copy_id
            order by e.id
            """, ct);
        await transaction.CommitAsync(ct);
        return hits;
    }

    private static async Task<int> CountEntryHitsAsync(NpgsqlConnection connection, SearchQuery query,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, CancellationToken ct)
    {
        await using var command = Command(connection, query, sections, terms, combine, (words, filters) => $"""
            with q as (select {words} as query)
            select count(*) from q, entries e
            where e.search_vector @@ q.query and e.retired_at is null{filters}
            """);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private static async Task<List<SearchHit>> ReadAsync(NpgsqlConnection connection, SearchQuery query,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, Func<string, string, string> sql,
        CancellationToken ct)
    {
        await using var command = Command(connection, query, sections, terms, combine, sql);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var authors = System.Text.Json.JsonSerializer.Deserialize<List<Domain.ReadingLists.Author>>(
                reader.GetString(7), Domain.Data.Configurations.AuthorJson.Options) ?? [];
            var copyText = reader.IsDBNull(9) ? null : reader.GetString(9);
            hits.Add(new SearchHit(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetString(5), reader.GetString(6), authors.Select(a => a.Name).ToList(),
                Convert.ToDouble(reader.GetValue(8)), copyText is null ? FoundIn.Entry : FoundIn.Page, copyText));
        }
        return hits;
    }

    /// <summary>The search's SQL with its words and filters as parameters; <paramref name="sql"/> gets the query
    /// expression and the filter clauses.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, SearchQuery query,
        IReadOnlyList<int>? sections, IReadOnlyList<string> terms, string combine, Func<string, string, string> sql)
    {
        var words = string.Join(combine, terms.Select((_, i) =>
            $"(plainto_tsquery('english', ${i + 1}) || plainto_tsquery('simple', ${i + 1}))"));
        var command = new NpgsqlCommand { Connection = connection };
        foreach (var term in terms) command.Parameters.Add(new NpgsqlParameter { Value = term });
        // Only the filters asked for are in the SQL: an always-true "$n is null or ..." clause still costs its
        // planning. The section filter is a list of ids (from the cached section directory), not a join.
        var filters = new System.Text.StringBuilder();
        if (sections is not null) filters.Append($" and e.section_id = any({Add(sections.ToArray())})");
        if (query.FromYear is { } from) filters.Append($" and extract(year from e.date) >= {Add(from)}");
        if (query.ToYear is { } to) filters.Append($" and extract(year from e.date) <= {Add(to)}");
        if (query.Author is { } author) filters.Append($" and e.author_keys @> array[{Add(author)}::text]");
        command.CommandText = sql(words, filters.ToString());
        return command;

        string Add(object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            return $"${command.Parameters.Count}";
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.+#-]*")]
    private static partial Regex Words();
}
