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
        Assert.Equal(10, page.QuerySelectorAll(".recent-list li").Length);
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }

    [Fact]
    public async Task Empty_list_says_how_to_import()
    {
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        var html = await app.Client().GetStringAsync("/");
        Assert.Contains("The list is empty", html);
    }
}
