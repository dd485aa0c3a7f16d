using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class HomePageTests(TestDatabase server)
{
    [Fact]
    public async Task Home_page_lists_every_section_with_its_entry_count()
    {
        // Otherwise: a reader opening the portal sees no table of contents.
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/"));
        var links = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(7, links.Count);
        Assert.Contains("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc", links);
        var count = await app.Database.ScalarAsync<long>(
            "select count(*) from entries e join sections s on s.id = e.section_id where s.slug = 'vxlan-veth-bridges-namespaces-l2-l3-etc'");
        var item = page.QuerySelector("nav.toc a[href='/sections/vxlan-veth-bridges-namespaces-l2-l3-etc']")!.ParentElement!;
        Assert.Equal(count.ToString(), item.QuerySelector(".count")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }

    [Fact]
    public async Task A_section_whose_links_are_all_in_subsections_shows_their_total_not_zero()
    {
        // Otherwise: readers see "General underlying Linux features 0" on the home page and "0 entries" on its page, and skip it.
        await using var app = await PortalApp.StartAsync(server);
        var expected = await app.Database.ScalarAsync<long>("""
            select count(*) from entries e join sections s on s.id = e.section_id
            join sections p on p.id = s.parent_id where p.slug = 'general-underlying-linux-features'
            """);
        Assert.True(expected > 0);
        Assert.Equal(0, await app.Database.ScalarAsync<long>(
            "select count(*) from entries e join sections s on s.id = e.section_id where s.slug = 'general-underlying-linux-features'"));

        var home = Html.Parse(await app.Client().GetStringAsync("/"));
        var parent = home.QuerySelector("nav.toc a[href='/sections/general-underlying-linux-features']")!.ParentElement!;
        var badge = parent.QuerySelector(":scope > .count")!;
        Assert.Equal(expected.ToString(), badge.TextContent);
        Assert.Equal($"{expected} entries with its subsections", badge.GetAttribute("aria-label"));

        var section = Html.Parse(await app.Client().GetStringAsync("/sections/general-underlying-linux-features"));
        Assert.StartsWith($"{expected} entries in its subsections", section.QuerySelector("article.section p.meta")!.TextContent);
        Assert.StartsWith($"{expected} entries on General underlying Linux features", section.Meta("og:description"));
    }

    [Fact]
    public void Totals_add_up_every_level_below_a_section()
    {
        // Otherwise: a section nested two levels down is left out of its grandparent's count.
        var totals = ContainerNetLib.Portal.Features.Reading.SectionSummary.WithTotals([
            new(1, null, 0, "Root", "root", 2),
            new(2, 1, 0, "Child", "child", 3),
            new(3, 2, 0, "Grandchild", "grandchild", 4),
            new(4, 1, 1, "Empty child", "empty", 0),
            new(5, null, 1, "Other", "other", 7),
        ]).ToDictionary(s => s.Slug, s => s.TotalCount);

        Assert.Equal(new Dictionary<string, int> { ["root"] = 9, ["child"] = 7, ["grandchild"] = 4, ["empty"] = 0, ["other"] = 7 }, totals);
    }

    [Fact]
    public async Task Empty_list_says_how_to_import()
    {
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        var html = await app.Client().GetStringAsync("/");
        Assert.Contains("The list is empty", html);
    }
}
