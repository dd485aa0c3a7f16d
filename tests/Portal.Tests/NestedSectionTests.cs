using System.ServiceModel.Syndication;
using System.Xml;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>"A section and everything below it", three levels deep, wherever a reader or editor asks for it.</summary>
[Collection(PortalCollection.Name)]
public class NestedSectionTests(TestDatabase server)
{
    private async Task<PortalApp> StartAsync()
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(NestedSections.List("https://nested.example"));
        return app;
    }

    [Fact]
    public async Task The_search_filter_finds_entries_of_sub_sub_sections()
    {
        // Otherwise: a reader filtering on a section misses links two levels down and thinks they are not listed.
        await using var app = await StartAsync();
        var page = Html.Parse(await app.Client().GetStringAsync($"/search?q=entry&section={NestedSections.Top}"));
        var titles = page.QuerySelectorAll(".result-title").Select(a => a.TextContent).ToList();
        Assert.Equal(NestedSections.UnderTop.Order(), titles.Order());
    }

    [Fact]
    public async Task A_section_feed_carries_entries_of_sub_sub_sections()
    {
        // Otherwise: subscribers to a section never hear of links added two levels below it.
        await using var app = await StartAsync();
        using var reader = XmlReader.Create(await app.Client().GetStreamAsync($"/sections/{NestedSections.Top}/feed.atom"));
        var titles = SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text).ToList();
        Assert.Equal(NestedSections.UnderTop.Order(), titles.Order());
    }

    [Fact]
    public async Task Reader_page_totals_count_entries_of_sub_sub_sections()
    {
        // Otherwise: the table of contents says a section holds fewer links than its page shows.
        await using var app = await StartAsync();
        var home = Html.Parse(await app.Client().GetStringAsync("/"));
        var top = home.QuerySelectorAll(".section-tree a").Single(a => a.TextContent == "Top");
        Assert.Equal("3", top.ParentElement!.QuerySelector(".count")!.TextContent);
        var middle = home.QuerySelectorAll(".section-tree a").Single(a => a.TextContent == "Middle");
        Assert.Equal("2", middle.ParentElement!.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task A_section_check_run_checks_the_links_of_sub_sub_sections()
    {
        // Otherwise: an editor checking a section is told all is well while links two levels down are dead.
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        var run = await jobs.StartAsync(CheckScope.Section(NestedSections.Top), CheckTrigger.Manual, null, CancellationToken.None);
        Assert.Equal(NestedSections.UnderTop.Length, run!.UrlCount);
    }
}
