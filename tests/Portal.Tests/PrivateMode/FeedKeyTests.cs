using System.Net;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.PrivateMode;

/// <summary>Feed readers cannot sign in: each account's feed addresses carry a personal key, which it can
/// replace.</summary>
[Collection(PortalCollection.Name)]
public class FeedKeyTests(TestDatabase database)
{
    private static async Task<(string List, string Section)> AddressesAsync(HttpClient account)
    {
        var page = Html.Parse(await account.GetStringAsync("/account/feeds"));
        var list = new Uri(page.QuerySelector("[data-testid=list-feed]")!.TextContent).PathAndQuery;
        var section = page.QuerySelectorAll(".feed-addresses code").Select(c => new Uri(c.TextContent).PathAndQuery)
            .Single(a => a.StartsWith(PrivateApp.SectionPath + "/feed.atom?key=", StringComparison.Ordinal));
        return (list, section);
    }

    [Fact]
    public async Task A_feed_address_with_the_key_reads_the_feed_and_a_new_key_retires_the_old_one()
    {
        // Otherwise: a private list has no feeds at all, or an address that leaked keeps working after its owner
        // replaced the key.
        await using var app = await PrivateApp.StartAsync(database);
        var reader = await app.SignedInAsync(role: null);
        var (list, section) = await AddressesAsync(reader);
        Assert.StartsWith("/feed.atom?key=", list);
        var feedReader = app.Client();

        var feed = await feedReader.GetAsync(list);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(section)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feedReader.GetAsync("/feed.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feedReader.GetAsync("/feed.atom?key=1_not-the-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feedReader.GetAsync("/feed.atom?key=%3Cscript%3E")).StatusCode);
        // The same addresses are shown again on the next visit.
        Assert.Equal((list, section), await AddressesAsync(reader));

        var replaced = await reader.PostFormAsync("/account/feeds", "/account/feeds",
            new() { ["_handler"] = "new-feed-key" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var (newList, newSection) = await AddressesAsync(reader);
        Assert.NotEqual(list, newList);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feedReader.GetAsync(list)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feedReader.GetAsync(section)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(newList)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await feedReader.GetAsync(newSection)).StatusCode);
    }

    [Fact]
    public async Task Every_readers_key_is_served_the_same_cached_feed()
    {
        // Otherwise: the cache holds one copy of each feed per person, and a key ends up in a cache key.
        await using var app = await PrivateApp.StartAsync(database);
        var (first, _) = await AddressesAsync(await app.SignedInAsync(role: null));
        var (second, _) = await AddressesAsync(await app.SignedInAsync(role: null));
        var feedReader = app.Client();
        var a = await (await feedReader.GetAsync(first)).Content.ReadAsStringAsync();
        var pages = app.Services.GetRequiredService<RenderedPages>();
        Assert.True(pages.TryGet("http://localhost/feed.atom", out _), "the feed was not kept under its plain address");
        var kept = pages.Count;
        var b = await (await feedReader.GetAsync(second)).Content.ReadAsStringAsync();
        Assert.Equal(a, b);
        Assert.Equal(kept, pages.Count);
        Assert.DoesNotContain("key=", a);
    }
}
