using System.ServiceModel.Syndication;
using System.Xml;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class SharingTests(TestDatabase server)
{
    [Fact]
    public async Task A_section_page_carries_title_canonical_and_card_tags()
    {
        // Otherwise: a section shared in chat shows as a bare URL with no title or summary.
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc"));
        Assert.Equal("vxlan, veth, bridges, namespaces, L2, L3, etc. · ContainerNetLib", page.Title);
        Assert.EndsWith("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("vxlan, veth, bridges, namespaces, L2, L3, etc.", page.Meta("og:title"));
        Assert.StartsWith("38 entries on vxlan", page.Meta("og:description"));
        Assert.Equal("summary", page.Meta("twitter:card"));
        Assert.Equal(page.Meta("og:title"), page.Meta("twitter:title"));
        Assert.EndsWith("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc/feed.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Feeds_are_valid_atom_with_newest_additions_first()
    {
        // Otherwise: feed readers reject the feed or show old links as new.
        await using var app = await PortalApp.StartAsync(server);
        await app.ImportAsync(File.ReadAllText(RepoRoot.Seed) + "\n* 2026-11-01: [A new one](https://new.example/one) by [N N](https://n.example/)\n");
        var response = await app.Client().GetAsync("/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var items = feed.Items.ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal("A new one", items[0].Title.Text);
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));
        Assert.Contains(feed.Links, l => l.RelationshipType == "self");

        using var sectionReader = XmlReader.Create(await app.Client().GetStreamAsync("/sections/simulation-and-testing/feed.atom"));
        var section = SyndicationFeed.Load(sectionReader);
        Assert.Equal(13, section.Items.Count());
        Assert.All(section.Items, i => Assert.Contains(i.Links, l => l.Uri.AbsolutePath == "/sections/simulation-and-testing"));
    }
}
