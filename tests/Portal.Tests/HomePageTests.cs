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
        var html = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("Docker and Kubernetes", html);
        Assert.Contains("vxlan, veth, bridges, namespaces, L2, L3, etc.", html);
        var count = await app.Database.ScalarAsync<long>(
            "select count(*) from entries e join sections s on s.id = e.section_id where s.slug = 'vxlan-veth-bridges-namespaces-l2-l3-etc'");
        Assert.Contains($"<span class=\"count\">({count})</span>", html);
    }

    [Fact]
    public async Task Empty_list_says_how_to_import()
    {
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        var html = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("The list is empty", html);
    }
}
