using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.PrivateMode;

/// <summary>
/// Private mode keeps reader pages cached, one copy for every reader: the copy never reaches anyone anonymous,
/// and an editor's page is never stored nor served to a reader.
/// </summary>
[Collection(PortalCollection.Name)]
public class PrivateModeCacheTests(TestDatabase database)
{
    private static bool Kept(PortalApp app, string path) =>
        app.Services.GetRequiredService<RenderedPages>().TryGet("https://localhost" + path, out _);

    [Fact]
    public async Task A_page_cached_for_signed_in_readers_is_never_served_to_anyone_anonymous()
    {
        // Otherwise: once a reader has opened a page, anyone without an account gets it from the cache.
        await using var app = await PrivateApp.StartAsync(database);
        var reader = await app.SignedInAsync(role: null);
        const string search = "/search?q=vxlan";
        foreach (var path in new[] { PrivateApp.SectionPath, search, "/feed.atom", "/api/sections" })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        }
        Assert.True(Kept(app, PrivateApp.SectionPath), "the readers' copy of the section page was not kept");

        var anonymous = app.Browser();
        Assert.True((await anonymous.GetAsync(PrivateApp.SectionPath)).SendsToSignIn(PrivateApp.SectionPath));
        Assert.True((await anonymous.GetAsync(search)).SendsToSignIn(search));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/feed.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sections")).StatusCode);

        // Nor a 304 to a browser that kept the page from before its owner signed out.
        var etag = (await reader.GetAsync(PrivateApp.SectionPath)).Headers.ETag!.ToString();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, PrivateApp.SectionPath);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.True((await anonymous.SendAsync(conditional)).SendsToSignIn(PrivateApp.SectionPath));
    }

    [Fact]
    public async Task Readers_share_one_private_copy_that_revalidates_with_304()
    {
        // Otherwise: a company proxy keeps the private list for whoever passes next, or every reader's visit renders
        // the page again.
        await using var app = await PrivateApp.StartAsync(database);
        var first = await app.SignedInAsync(role: null);
        var second = await app.SignedInAsync(role: null);
        var a = await first.GetAsync(PrivateApp.SectionPath);
        var b = await second.GetAsync(PrivateApp.SectionPath);
        Assert.All([a, b], r => Assert.True(r.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false },
            $"Cache-Control: {r.Headers.CacheControl}"));
        Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, PrivateApp.SectionPath);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", b.Headers.ETag!.ToString());
        var notModified = await second.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.True(notModified.Headers.CacheControl?.Private, $"Cache-Control: {notModified.Headers.CacheControl}");
    }

    [Fact]
    public async Task Readers_pages_are_compressed_and_an_editors_never_are()
    {
        // Otherwise: private mode sends every reader page uncompressed, or compresses an editor's page beside its
        // antiforgery token, which leaks the token by length (BREACH).
        await using var app = await PrivateApp.StartAsync(database);
        var reader = await app.SignedInAsync(role: null);
        var editor = await app.SignedInAsync(Roles.Editor);
        foreach (var path in new[] { PrivateApp.SectionPath, "/search?q=vxlan" })
        {
            Assert.Equal(["br"], await EncodingAsync(reader, path));
            Assert.Empty(await EncodingAsync(editor, path));
        }
    }

    private static async Task<IEnumerable<string>> EncodingAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentEncoding;
    }

    [Fact]
    public async Task An_editors_page_is_never_kept_nor_served_to_a_reader_and_the_other_way_round()
    {
        // Otherwise: a reader sees the editor's menu (and sign-out form) cached from an editor's visit, or an editor
        // gets the readers' copy without editing links.
        await using var app = await PrivateApp.StartAsync(database);
        var editor = await app.SignedInAsync(Roles.Editor);
        var reader = await app.SignedInAsync(role: null);

        var edited = await editor.GetAsync(PrivateApp.SectionPath);
        Assert.Contains("account-menu", await edited.Content.ReadAsStringAsync());
        Assert.True(edited.Headers.CacheControl?.NoStore, $"Cache-Control: {edited.Headers.CacheControl}");
        Assert.Null(edited.Headers.ETag);
        Assert.False(Kept(app, PrivateApp.SectionPath), "an editor's page was kept for readers");

        var read = await (await reader.GetAsync(PrivateApp.SectionPath)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("account-menu", read);
        Assert.Contains("Your feed addresses", read);
        Assert.True(Kept(app, PrivateApp.SectionPath));

        var again = await (await editor.GetAsync(PrivateApp.SectionPath)).Content.ReadAsStringAsync();
        Assert.Contains("account-menu", again);
    }
}
