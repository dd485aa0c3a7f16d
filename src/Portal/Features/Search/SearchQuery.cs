using ContainerNetLib.Domain.Text;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>What a reader asked for: words, and optional filters.</summary>
public sealed record SearchQuery(string Text, string? Section = null, int? FromYear = null, int? ToYear = null,
    string? Author = null, int Page = 1)
{
    public const int PageSize = 20;
    public const int MaxPage = 50;
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    /// <summary>The page asked for, within 1..<see cref="MaxPage"/> (a bound on the work one request can
    /// cause).</summary>
    public int PageNumber => Math.Clamp(Page, 1, MaxPage);

    public int Offset => (PageNumber - 1) * PageSize;

    /// <summary>
    /// The query as the search form (or a hand-edited address) sends it, all text; each value that cannot be
    /// used is explained in <paramref name="problems"/>, one sentence each, and left out of the query.
    /// </summary>
    public static SearchQuery FromAddress(
        string? text, string? section, string? from, string? to, string? author, string? page,
        ICollection<string> problems)
    {
        var fromYear = Year(from, "From year", problems);
        var toYear = Year(to, "To year", problems);
        if (fromYear > toYear) problems.Add("From year must not be after To year.");
        if (!QueryNumber.TryRead(page, 1, MaxPage, out var pageNumber))
            problems.Add($"Page must be a whole number from 1 to {MaxPage}.");
        return new SearchQuery(TextRule.Strip(text ?? ""), NullIfBlank(section), fromYear, toYear,
            NullIfBlank(author), (int)(pageNumber ?? 1));
    }

    private static int? Year(string? text, string label, ICollection<string> problems)
    {
        if (QueryNumber.TryRead(text, MinYear, MaxYear, out var year)) return (int?)year;
        problems.Add($"{label} must be a year between {MinYear} and {MaxYear}.");
        return null;
    }

    // What the list cannot hold (PostgreSQL refuses a query with a NUL) no stored word, slug or author has to match.
    private static string? NullIfBlank(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : TextRule.Strip(value);
}

/// <param name="FoundIn">Where the words are: the entry itself, or only the saved copy of its page.</param>
/// <param name="Passage">For a hit found only in the page: the saved text around the first word (plain text).</param>
public sealed record SearchHit(long Id, string? Title, string? Url, string? Description, DateOnly? Date,
    string SectionTitle, string SectionSlug, IReadOnlyList<string> Authors, double Rank,
    FoundIn FoundIn = FoundIn.Entry, string? Passage = null);

/// <summary>Where a hit's words are. Entry hits (title, description, authors) rank above page hits.</summary>
public enum FoundIn { Entry, Page }

/// <summary>How the hits matched: every word, after correcting misspelled words, or any word.</summary>
public enum SearchMatch { All, Corrected, Any }

/// <summary>Hits, how they matched, and the words they matched (corrected ones when corrected).</summary>
public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, SearchMatch Match,
    IReadOnlyList<string> Terms)
{
    public bool Fuzzy => Match != SearchMatch.All;
}
