namespace ContainerNetLib.Portal.Features.Search;

/// <summary>What a reader asked for: words, and optional filters.</summary>
public sealed record SearchQuery(string Text, string? Section = null, int? FromYear = null, int? ToYear = null, string? Author = null, int Page = 1)
{
    public const int MaxLength = 200;
    public const int PageSize = 20;
    public const int MaxPage = 50;

    /// <summary>The page asked for, within 1..<see cref="MaxPage"/> (a bound on the work one request can cause).</summary>
    public int PageNumber => Math.Clamp(Page, 1, MaxPage);

    public int Offset => (PageNumber - 1) * PageSize;
}

public sealed record SearchHit(long Id, string? Title, string? Url, string? Description, DateOnly? Date, string SectionTitle, string SectionSlug, IReadOnlyList<string> Authors, double Rank);

/// <summary>How the hits matched: every word, after correcting misspelled words, or any word.</summary>
public enum SearchMatch { All, Corrected, Any }

/// <summary>Hits, how they matched, and the words they matched (corrected ones when corrected).</summary>
public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, SearchMatch Match, IReadOnlyList<string> Terms)
{
    public bool Fuzzy => Match != SearchMatch.All;
}
