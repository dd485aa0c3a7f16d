using ContainerNetLib.Portal.Features.Api.Writes;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Features.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Api;

/// <summary>The read-only JSON API, described at /openapi/v1.json.</summary>
public static class ReaderApi
{
    public static IEndpointRouteBuilder MapReaderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reading list");

        api.MapGet("/sections", async (ReadingQueries queries, CancellationToken ct) =>
            (await queries.SectionsAsync(ct)).OrderBy(s => s.ParentId).ThenBy(s => s.Position)
                .Select(ApiSection.From).ToList())
            .WithName("ListSections")
            .WithSummary("Every section with its number of entries: "
                + "its own (entryCount) and with its subsections (totalEntryCount).");

        api.MapGet("/sections/{slug}", async Task<Results<Ok<ApiSectionDetail>, NotFound>> (string slug,
            ReadingQueries queries, CancellationToken ct) =>
            (await queries.SectionAsync(slug, ct)).Page is { } page ? TypedResults.Ok(ApiSectionDetail.From(page))
                : TypedResults.NotFound())
            .WithName("GetSection").WithSummary("A section with its intro, subsections and nested entries.");

        api.MapGet("/entries/{id:long}", async Task<Results<Ok<ApiEntry>, NotFound>> (long id, ReadingQueries queries,
            CancellationToken ct) =>
            await queries.EntryAsync(id, ct) is { } entry ? TypedResults.Ok(ApiEntry.From(entry.Entry,
                entry.SectionSlug)) : TypedResults.NotFound())
            .WithName("GetEntry").WithSummary("One entry with its children; its ETag is the version PATCH expects in " +
                "If-Match.")
            .WithEntryVersionETag();

        api.MapGet("/search", async Task<Results<Ok<ApiSearchResults>, BadRequest<string>>> (string? q, string? section,
            string? from, string? to, string? author, SearchService search, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return TypedResults.BadRequest("q is required: the words to search for");
            // The years as text, read by the search page's rule: "from=abc" gets a sentence, not a bare 400.
            var problems = new List<string>();
            var query = SearchQuery.FromAddress(q, section, from, to, author, null, problems);
            if (problems.Count > 0) return TypedResults.BadRequest(string.Join(" ", problems));
            var results = await search.SearchAsync(query, ct);
            return TypedResults.Ok(new ApiSearchResults(q, results.Fuzzy,
                results.Hits.Take(SearchQuery.PageSize).Select(h => new ApiSearchHit(
                h.Id, h.Title, h.Url, h.Description, h.Date, h.Authors, h.SectionSlug,
                ReaderLinks.Entry(h.SectionSlug, h.Id), h.FoundIn == FoundIn.Page ? "page" : "entry",
                h.Passage)).ToList()));
        }).WithName("Search").WithSummary("Full-text search, with a typo-tolerant fallback; after the entries "
            + "matched by their own words, those matched only in their saved page (foundIn: page).");
        return app;
    }
}
