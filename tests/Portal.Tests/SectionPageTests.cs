using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class SectionPageTests(TestDatabase server)
{
    [Fact]
    public async Task Every_section_page_lists_exactly_the_entries_of_its_section()
    {
        // Otherwise: a reader misses links, or sees another section's links, and counts go wrong.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        await using var db = app.Database.Open();
        var sections = db.Sections.Select(s => new { s.Id, s.Slug }).ToList();
        Assert.Equal(7, sections.Count);
        foreach (var section in sections)
        {
            var page = Html.Parse(await client.GetStringAsync($"/sections/{section.Slug}"));
            var shown = page.QuerySelectorAll("[data-entry-id]").Select(e => long.Parse(e.GetAttribute("data-entry-id")!)).Order().ToList();
            var stored = db.Entries.Where(e => e.SectionId == section.Id).Select(e => e.Id).Order().ToList();
            Assert.Equal(stored, shown);
            foreach (var id in shown)
            {
                var element = page.GetElementById($"e-{id}");
                Assert.NotNull(element);
                Assert.Equal($"/sections/{section.Slug}#e-{id}", element.QuerySelector(":scope > .entry-line > a.copy-link")!.GetAttribute("href"));
            }
        }
    }

    [Fact]
    public async Task Entries_nest_as_in_the_list_with_date_authors_and_links()
    {
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/docker-and-kubernetes"));
        var first = page.QuerySelector("ul.entries > li")!;
        Assert.Equal("2017-06-01", first.QuerySelector("time")!.GetAttribute("datetime"));
        var title = first.QuerySelector(".entry-text a")!;
        Assert.Equal("Understanding container networking", title.TextContent);
        Assert.Equal("https://www.oreilly.com/ideas/understanding-container-networking", title.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", title.GetAttribute("rel"));
        Assert.Equal(["Brian Anderson", "Lee Calcote"], first.QuerySelectorAll(":scope > .authors a").Select(a => a.TextContent));
        var cnm = page.QuerySelectorAll("ul.entries > li")[1];
        Assert.Equal(3, cnm.QuerySelectorAll(":scope > ul > li").Length);
        Assert.Single(cnm.QuerySelectorAll(":scope > ul > li > ul > li"));
    }

    [Fact]
    public async Task Permalink_redirects_to_the_entry_anchor_in_its_current_section()
    {
        // Otherwise: a link shared in chat breaks when the entry moves to another section.
        await using var app = await PortalApp.StartAsync(server);
        var id = await app.Database.ScalarAsync<long>("select id from entries where title = 'Network namespaces'");
        var response = await app.Client().GetAsync($"/entries/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sections/overview#e-{id}", response.Headers.Location!.OriginalString);

        await app.Database.ExecuteAsync($"update entries set section_id = (select id from sections where slug = 'network-debugging'), parent_id = null where id = {id}");
        var moved = await app.Client().GetAsync($"/entries/{id}");
        Assert.Equal($"/sections/network-debugging#e-{id}", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_renamed_section_old_slug_answers_301_to_the_new_one()
    {
        // Otherwise: every link shared before a rename is dead.
        await using var app = await PortalApp.StartAsync(server);
        await app.Database.ExecuteAsync("insert into section_slugs (section_id, slug, retired_at) select id, 'vxlan-and-friends', now() from sections where slug = 'vxlan-veth-bridges-namespaces-l2-l3-etc'");
        var response = await app.Client().GetAsync("/sections/vxlan-and-friends");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/sections/vxlan-veth-bridges-namespaces-l2-l3-etc", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/sections/no-such-section")]
    [InlineData("/entries/987654321")]
    [InlineData("/authors/nobody-at-all")]
    [InlineData("/no/such/page")]
    [InlineData("/sections/no-such-section/feed.atom")]
    public async Task Unknown_pages_answer_a_real_404(string path)
    {
        // Otherwise: search engines index error pages, and readers get a blank page.
        await using var app = await PortalApp.StartAsync(server);
        var response = await app.Client().GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        if (!path.EndsWith(".atom", StringComparison.Ordinal))
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Author_page_lists_their_entries_across_sections_and_their_posts()
    {
        await using var app = await PortalApp.StartAsync(server);
        var page = Html.Parse(await app.Client().GetStringAsync("/authors/ivan-pepelnjak"));
        Assert.Equal("Ivan Pepelnjak", page.QuerySelector("h1")!.TextContent);
        var titles = page.QuerySelectorAll("[data-entry-id] .entry-text").Select(e => e.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains("Rearchitecting L3-Only Networks", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Docker Networking Fundamentals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fragment_link_in_a_section_introduction_stays_on_the_section_page()
    {
        // Otherwise: "see below" links in an introduction jump to the home page (a <base href="/"> resolves "#x" against "/").
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync("# List\n\n## Overlays\n\nSee [the VXLAN entry](#vxlan) below.\n\n* [VXLAN](https://vxlan.example/)\n");
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/overlays"));
        Assert.Null(page.QuerySelector("base"));
        Assert.Equal("#vxlan", page.QuerySelector(".intro a")!.GetAttribute("href"));
    }
}
