using ContainerNetLib.Portal.Infrastructure;
namespace ContainerNetLib.Portal.Features.Reading;

public static class PermalinkEndpoints
{
    /// <summary>
    /// /entries/{id} answers 302 to the entry's anchor in whatever section holds it now, so a
    /// shared entry link survives moves between sections.
    /// </summary>
    public static IEndpointRouteBuilder MapPermalinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/entries/{id:long}", async (long id, ReadingQueries queries, CancellationToken ct) =>
            await queries.EntrySectionSlugAsync(id, ct) is { } slug
                ? Results.Redirect(ReaderLinks.Entry(slug, id))
                : Results.NotFound());
        return app;
    }
}
