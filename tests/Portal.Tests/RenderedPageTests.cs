using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>Reader pages without a query string, answered whole from <see cref="RenderedPages"/>.</summary>
[Collection(PortalCollection.Name)]
public class RenderedPageTests(TestDatabase server)
{
    private static RenderedPages Pages(PortalApp app) => app.Services.GetRequiredService<RenderedPages>();

    [Fact]
    public async Task A_section_page_is_kept_and_served_again_whole_with_its_headers()
    {
        // Otherwise: the second reader of a section gets a page without its security headers, ETag or type, or a different page.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var first = await client.GetAsync("/sections/overview");
        Assert.Equal(1, Pages(app).Count);
        var second = await client.GetAsync("/sections/overview");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(first.Content.Headers.ContentLength, second.Content.Headers.ContentLength);
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("nosniff", string.Join("", second.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(second.Headers.Contains("Set-Cookie"));

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/sections/overview");
        conditional.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Each_host_gets_its_own_page()
    {
        // Otherwise: a page first rendered for one address hands readers of another the first one's canonical and feed links.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        foreach (var host in new[] { "one.example", "two.example", "one.example", "two.example" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/sections/overview") { Headers = { Host = host } };
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains($"<link rel=\"canonical\" href=\"http://{host}/sections/overview\"", html);
        }
        Assert.Equal(2, Pages(app).Count);
    }

    [Fact]
    public async Task An_editors_page_is_never_kept_nor_a_readers_page_shown_to_an_editor()
    {
        // Otherwise: readers see "Edit this section" links, or an editor signing in gets the readers' page without them.
        await using var app = await PortalApp.StartAsync(server);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var reader = app.Client();
        Assert.DoesNotContain("Edit this section", await reader.GetStringAsync("/sections/overview"));

        var editor = app.Browser();
        await editor.LogInAsync("ed@example.org", TestUsers.Password);
        Assert.Contains("Edit this section", await editor.GetStringAsync("/sections/overview"));
        Assert.Contains("Edit this section", await editor.GetStringAsync("/sections/overview"));
        Assert.Equal(1, Pages(app).Count);
        Assert.DoesNotContain("Edit this section", await reader.GetStringAsync("/sections/overview"));
    }

    [Fact]
    public async Task Query_strings_errors_and_redirects_are_not_kept()
    {
        // Otherwise: any made-up query string or address takes memory, and a 404 or redirect could be replayed as a page.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        await client.GetAsync("/search?q=veth");
        await client.GetAsync("/sections/overview?utm_source=chat");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sections/no-such-section")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("/entries/1")).StatusCode);
        Assert.Equal(0, Pages(app).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sections/no-such-section")).StatusCode);
    }

    [Fact]
    public async Task A_kept_page_is_rendered_again_after_the_caches_maximum_age()
    {
        // Otherwise: a link's "broken for N days" badge, which moves with the date, would stay as it was until the next content change.
        var time = new SettableTime();
        await using var app = await PortalApp.StartAsync(server, services: s => s.AddSingleton<TimeProvider>(time));
        var client = app.Client();
        await client.GetAsync("/sections/overview");
        Assert.True(Pages(app).TryGet("http://localhost/sections/overview", out _));
        time.Now += ReaderCaching.MaxAge + TimeSpan.FromSeconds(1);
        Assert.False(Pages(app).TryGet("http://localhost/sections/overview", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sections/overview")).StatusCode);
        Assert.True(Pages(app).TryGet("http://localhost/sections/overview", out _));
    }

    [Fact]
    public async Task Once_the_revision_moves_on_no_page_of_the_old_one_is_served_or_kept()
    {
        // Otherwise: a page cached just before an edit, found between the change notice and the eviction, is kept as
        // the new revision's page and readers see the old list for up to ten minutes.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var before = await client.GetAsync("/sections/overview");
        await client.GetAsync("/search?q=veth");
        var version = app.Services.GetRequiredService<CurrentRevision>();
        Assert.Equal(CurrentRevision.ETagOf(version.Current), before.Headers.ETag?.ToString());

        // The notice has arrived, the output cache has not been emptied yet.
        Assert.True(version.Advance(version.Current + 1));
        var after = await client.GetAsync("/sections/overview");
        Assert.Equal(CurrentRevision.ETagOf(version.Current), after.Headers.ETag?.ToString());
        Assert.True(Pages(app).TryGet("http://localhost/sections/overview", out var kept));
        Assert.Contains(kept.Headers, h => h.Key == "ETag" && h.Value == CurrentRevision.ETagOf(version.Current));
        var search = await client.GetAsync("/search?q=veth");
        Assert.Equal(CurrentRevision.ETagOf(version.Current), search.Headers.ETag?.ToString());
    }
}

public class RenderedPageBoundsTests
{
    [Fact]
    public void Pages_that_expire_give_their_bytes_back_so_a_quiet_list_keeps_being_served_from_snapshots()
    {
        // Otherwise: on a list nobody edits for hours, every ten-minute renewal counts against the 64 MB bound
        // until no page is kept any more and every reader's request renders again.
        var version = new CurrentRevision();
        version.Advance(1);
        var time = new SettableTime();
        var pages = new RenderedPages(version, time);
        var page = new RenderedPages.Page([], new byte[RenderedPages.MaxPageBytes]);

        for (var renewal = 0; renewal < 3 * RenderedPages.MaxBytes / RenderedPages.MaxPageBytes; renewal++)
        {
            Assert.False(pages.TryGet("http://localhost/sections/overview", out _));
            pages.Keep(1, "http://localhost/sections/overview", page);
            Assert.True(pages.TryGet("http://localhost/sections/overview", out _), $"renewal {renewal} was not kept");
            time.Now += ReaderCaching.MaxAge + TimeSpan.FromSeconds(1);
        }
    }

    [Fact]
    public void The_byte_bound_holds_and_a_new_revision_starts_afresh()
    {
        // Otherwise: odd spellings of addresses fill the portal's memory, or one busy revision starves the next.
        var version = new CurrentRevision();
        version.Advance(1);
        var pages = new RenderedPages(version, TimeProvider.System);
        var page = new RenderedPages.Page([], new byte[RenderedPages.MaxPageBytes]);
        var fits = (int)(RenderedPages.MaxBytes / RenderedPages.MaxPageBytes);
        for (var i = 0; i < fits + 5; i++) pages.Keep(1, $"http://localhost/p{i}", page);
        Assert.Equal(fits, pages.Count);

        version.Advance(2);
        Assert.False(pages.TryGet("http://localhost/p0", out _));
        pages.Keep(1, "http://localhost/late", page);
        Assert.False(pages.TryGet("http://localhost/late", out _));
        pages.Keep(2, "http://localhost/p0", page);
        Assert.True(pages.TryGet("http://localhost/p0", out _));
    }
}

public class RenderedPageCodingTests
{
    private static byte[] Text(int bytes) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, bytes / 20 + 1).Select(i => $"<li>entry {i,8}</li>")))[..bytes];

    [Fact]
    public void A_large_page_is_compressed_too_and_decodes_to_itself()
    {
        // Otherwise: the biggest sections, which gain the most, go out uncompressed or garbled.
        var version = new CurrentRevision();
        version.Advance(1);
        var pages = new RenderedPages(version, TimeProvider.System);
        var body = Text(Infrastructure.Compression.Precompressed.StrongestUpTo + 100_000);
        pages.Keep(1, "http://localhost/big", new RenderedPages.Page([new("ETag", CurrentRevision.ETagOf(1))], body));
        foreach (var encoding in new[] { "br", "gzip" })
        {
            Assert.True(pages.TryGet("http://localhost/big", encoding, out _, out var sent));
            Assert.Equal(encoding, sent.Encoding);
            Assert.Equal($"W/\"r1-{encoding}\"", sent.ETag);
            Assert.True(sent.Body.Length < body.Length / 5, $"{encoding}: {sent.Body.Length} bytes");
            using Stream decoder = encoding == "br"
                ? new System.IO.Compression.BrotliStream(new MemoryStream(sent.Body.ToArray()), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(sent.Body.ToArray()), System.IO.Compression.CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            decoder.CopyTo(decoded);
            Assert.Equal(body, decoded.ToArray());
        }
        Assert.Equal(2, pages.Compressions);
    }

    [Fact]
    public void Compressed_forms_count_against_the_byte_bound_and_past_it_the_plain_page_is_sent()
    {
        // Otherwise: compressed copies of thousands of pages grow the store past its 64 MB, unseen.
        var version = new CurrentRevision();
        version.Advance(1);
        var pages = new RenderedPages(version, TimeProvider.System);
        var fits = (int)(RenderedPages.MaxBytes / RenderedPages.MaxPageBytes);
        var page = new RenderedPages.Page([], Text(RenderedPages.MaxPageBytes));
        for (var i = 0; i < fits; i++) pages.Keep(1, $"http://localhost/p{i}", page);
        Assert.Equal(fits, pages.Count);

        Assert.True(pages.TryGet("http://localhost/p0", "gzip", out _, out var sent));
        Assert.Null(sent.Encoding);
        Assert.Equal(RenderedPages.MaxPageBytes, sent.Body.Length);
    }
}
