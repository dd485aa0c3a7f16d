using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Infrastructure.Rendering;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Feeds;

/// <summary>Atom feeds (RFC 4287): newest additions first, for the whole list and for each section.</summary>
public static class FeedEndpoints
{
    private const int Size = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", (HttpContext http, RetryingDatabase dbFactory, SectionDirectory directory,
            CancellationToken ct) => WriteAsync(http, dbFactory, directory, null, ct));
        app.MapGet("/sections/{slug}/feed.atom", (string slug, HttpContext http, RetryingDatabase dbFactory,
            SectionDirectory directory, CancellationToken ct) => WriteAsync(http, dbFactory, directory, slug, ct));
        return app;
    }

    private static async Task<IResult> WriteAsync(
        HttpContext http, RetryingDatabase dbFactory, SectionDirectory directory, string? slug, CancellationToken ct)
    {
        var scope = slug is null ? null : await directory.AndBelowAsync(slug, ct);
        if (slug is not null && scope is null) return Results.NotFound();
        var section = scope?.Section;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var query = db.Entries.AsNoTracking().Where(e => e.Url != null);
        if (scope is { Ids: var ids }) query = query.Where(e => ids.Contains(e.SectionId));
        var entries = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Size)
            .Select(e => new { e.Id, e.Title, e.Url, e.Description, e.Authors, e.CreatedAt, e.UpdatedAt, e.Date,
                SectionTitle = e.Section.Title, SectionSlug = e.Section.Slug })
            .ToListAsync(ct);

        var pagePath = section is null ? "/" : ReaderLinks.Section(section.Slug);
        var feedPath = section is null ? ReaderLinks.ListFeed : ReaderLinks.Feed(section.Slug);
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.UpdatedAt);
        var feed = new SyndicationFeed(
            section is null ? "ContainerNetLib: container networking reading list"
                : $"ContainerNetLib: {section.Title}",
            "Newly added entries", new Uri(baseUrl + pagePath), baseUrl + feedPath, updated);
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + feedPath)) { RelationshipType = "self",
            MediaType = "application/atom+xml" });
        feed.Authors.Add(new SyndicationPerson { Name = "ContainerNetLib editors" });
        feed.Items = entries.Select(e =>
        {
            var item = new SyndicationItem(
                e.Title ?? e.Url, e.Description ?? "",
                new Uri(LinkPolicy.Allowed(e.Url, false) is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute,
                    out var u) ? u.AbsoluteUri : baseUrl + ReaderLinks.Permalink(e.Id)),
                baseUrl + ReaderLinks.Permalink(e.Id), e.UpdatedAt)
            {
                PublishDate = e.CreatedAt,
            };
            item.Links.Add(new SyndicationLink(new Uri(baseUrl + ReaderLinks.Entry(e.SectionSlug,
                e.Id))) { RelationshipType = "related", Title = e.SectionTitle });
            foreach (var author in e.Authors) item.Authors.Add(new SyndicationPerson { Name = author.Name });
            return item;
        }).ToList();

        var output = new StringBuilder();
        await using (var writer = XmlWriter.Create(output,
            new XmlWriterSettings { Async = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""),
            "application/atom+xml; charset=utf-8");
    }
}
