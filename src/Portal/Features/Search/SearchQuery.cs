namespace ContainerNetLib.Portal.Features.Search;

/// <summary>What a reader asked for: words, and optional filters.</summary>
public sealed record SearchQuery(string Text, string? Section = null, int? FromYear = null, int? ToYear = null, string? Author = null)
{
    public const int MaxLength = 200;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

public sealed record SearchHit(long Id, string? Title, string? Url, string? Description, DateOnly? Date, string SectionTitle, string SectionSlug, IReadOnlyList<string> Authors, double Rank);

/// <summary>Hits, and whether they came from the typo-tolerant fallback (then the page says so).</summary>
public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, bool Fuzzy, IReadOnlyList<string> Terms);
