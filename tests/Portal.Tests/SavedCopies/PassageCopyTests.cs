using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.SavedCopies;

/// <summary>Every link of a passage is reading material: copied, badged, counted and searched like a title link.
/// </summary>
[Collection(PortalCollection.Name)]
public class PassageCopyTests(TestDatabase database)
{
    private static string List(LinkSite site) => $"""
        # Test list

        ## Section A

        Read [the article]({site.Url("/article")}) and [the dying page]({site.Url("/dies")}) first.

        * [A paper]({site.Url("/paper")}) and [its notes]({site.Url("/changing")})

        """;

    private static async Task<PortalApp> StartAsync(LinkSite site, TestDatabase database)
    {
        var app = await PortalApp.StartAsync(database, importSeed: false, site.Settings(new()
        {
            ["LinkHealth:ChunkSize"] = "3",
        }));
        await app.ImportAsync(List(site));
        return app;
    }

    [Fact]
    public async Task Each_link_of_a_passage_gets_a_copy_a_badge_when_broken_a_count_and_search_hits()
    {
        // Otherwise: a guide written in prose has no saved copies, and a dead link in it is never badged.
        await using var site = CopySite.Create();
        await using var app = await StartAsync(site, database);
        for (var night = 0; night < 3; night++) await app.RunAndCopyAsync();
        var passage = await app.QueryAsync(db => db.Entries.Where(e => e.Shape == EntryShape.Passage)
            .Select(e => e.Id).SingleAsync());

        Assert.NotEmpty(await app.CopiesAsync(site, "/article"));
        Assert.NotEmpty(await app.CopiesAsync(site, "/dies"));
        Assert.NotEmpty(await app.CopiesAsync(site, "/paper"));
        // A bullet's other links are no reading material: its title link is what it stands for.
        Assert.Empty(await app.CopiesAsync(site, "/changing"));

        var section = Html.Parse(await app.Client().GetStringAsync("/sections/section-a"));
        var shown = section.QuerySelector($"[data-entry-id='{passage}']")!;
        Assert.NotNull(shown.QuerySelector(".link-badge-broken"));
        Assert.Equal("read the saved copy", shown.QuerySelector("a.saved-copy-needed")!.TextContent);
        // The copy offered is the failing link's, not the first link's.
        Assert.Contains("A page that will die", await app.Client().GetStringAsync($"/entries/{passage}/saved"));

        await using var scope = app.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<SavedCopyQueries>().FiguresAsync();
        Assert.Equal(3, figures.Links);
        Assert.Equal(3, figures.LinksWithCopy);

        var search = Html.Parse(await app.Client().GetStringAsync("/search?q=namespaces"));
        Assert.Contains(search.QuerySelectorAll(".found-in a"), a => a.GetAttribute("href") ==
            $"/entries/{passage}/saved");
    }

    [Fact]
    public async Task The_sql_and_the_query_of_reading_material_give_the_same_links()
    {
        // Otherwise: search finds words in copies the copy page and the report know nothing of, or the reverse.
        await using var site = CopySite.Create();
        await using var app = await StartAsync(site, database);
        await app.ImportAsync(List(site) + $"\nAlso <a href=\"{site.Url("/evil")}\">this</a>.\n\n" +
            $"* [Huge]({site.Url("/huge")}) by [Ann](https://ann.example/)\n");

        var linq = await app.QueryAsync(db => ReadingMaterial.Of(db)
            .Select(m => $"{m.EntryId} {m.NormalizedUrl} {m.Position}").ToListAsync());
        var sql = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "select m.entry_id || ' ' || m.normalized_url || ' ' || m.position as \"Value\" from " +
            ReadingMaterial.Sql + " m")
            .ToListAsync());

        Assert.Equal(5, linq.Count);
        Assert.Equal(linq.Order(), sql.Order());
    }
}
