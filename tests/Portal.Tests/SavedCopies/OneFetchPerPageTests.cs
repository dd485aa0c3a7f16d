using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.SavedCopies;

/// <summary>
/// What the linked sites see of a night's run with copies on: each page's body once (the check reads it whole and
/// hands it to the copy), and only reading material copied.
/// </summary>
[Collection(PortalCollection.Name)]
public class OneFetchPerPageTests(TestDatabase database)
{
    // Every page of the test site that works on the first night: pages, refusals, the oversized one and the PDF.
    private static readonly string[] WorkingPages =
        ["/article", "/dies", "/changing", "/noarchive-meta", "/noarchive-header", "/huge", "/evil", "/paper"];

    [Fact]
    public async Task A_night_with_copies_on_asks_each_working_page_once_and_still_saves_its_copy()
    {
        // Otherwise: every site on the list sends each article twice a night (the check's GET, then the copy's),
        // and the copy may be of another answer than the one the check judged.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);

        await app.RunAndCopyAsync();

        var perPage = WorkingPages.ToDictionary(p => p, site.Server.Hits);
        Assert.All(perPage, hits => Assert.True(hits.Value == 1, $"{hits.Key} was asked {hits.Value} times"));
        Assert.Single(await app.CopiesAsync(site, "/article"));
        Assert.Single(await app.CopiesAsync(site, "/paper"));
        var refusals = await app.QueryAsync(db => db.CopyRefusals.AsNoTracking()
            .ToDictionaryAsync(r => r.NormalizedUrl, r => r.Reason));
        Assert.Equal(CopyRefusalReason.TooLarge, refusals[site.Url("/huge")]);
        Assert.Equal(CopyRefusalReason.NoArchive, refusals[site.Url("/noarchive-header")]);

        // The second night: still once, an unchanged page adds no version, a changed one does.
        await app.RunAndCopyAsync();
        Assert.Equal(2, site.Server.Hits("/article"));
        Assert.Equal(2, site.Server.Hits("/changing"));
        Assert.Single(await app.CopiesAsync(site, "/article"));
        Assert.Equal(2, (await app.CopiesAsync(site, "/changing")).Count);
    }

    [Fact]
    public async Task An_authors_profile_page_is_checked_but_gets_no_saved_copy()
    {
        // Otherwise: the nightly job stores copies of people's profile pages that no page shows, and the report
        // counts them among the list's links that could have a copy.
        await using var site = new LinkSite((path, _) => path is "/article" or "/profile"
            ? Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", CopyPages.Article())
            : null);
        var app = await PortalApp.StartAsync(database, importSeed: false, site.Settings());
        await using var _ = app;
        await app.ImportAsync($"""
            # Test list

            ## Section A

            * 2020-01-01: [An article]({site.Url("/article")}) by [Ada Lovelace]({site.Url("/profile")})

            """);

        await app.RunAndCopyAsync();

        Assert.Equal(1, site.Server.Hits("/profile"));
        Assert.Empty(await app.CopiesAsync(site, "/profile"));
        Assert.Single(await app.CopiesAsync(site, "/article"));
        Assert.Equal(1, site.Server.Hits("/article"));
    }
}
