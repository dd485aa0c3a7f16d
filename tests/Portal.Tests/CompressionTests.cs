using System.IO.Compression;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>Reader responses in Brotli or gzip as asked; kept pages compressed once; nothing with a secret compressed.</summary>
[Collection(PortalCollection.Name)]
public class CompressionTests(TestDatabase server)
{
    private const string Section = "/sections/vxlan-veth-bridges-namespaces-l2-l3-etc";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    /// <summary>The body as sent, decoded by its Content-Encoding.</summary>
    private static async Task<byte[]> DecodedAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsByteArrayAsync();
        await using Stream decoder = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(new MemoryStream(raw), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(raw), CompressionMode.Decompress),
            null => new MemoryStream(raw),
            var other => throw new InvalidOperationException($"Unexpected Content-Encoding {other}"),
        };
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        return decoded.ToArray();
    }

    private static string? Encoding(HttpResponseMessage response) => response.Content.Headers.ContentEncoding.SingleOrDefault();

    [Fact]
    public async Task A_kept_section_page_goes_out_in_the_coding_asked_for_with_its_length_and_decodes_to_the_same_page()
    {
        // Otherwise: readers download five times the bytes, a browser shows garbage, or a proxy hands one coding to another client.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var identity = await GetAsync(client, Section, null);
        var page = await identity.Content.ReadAsByteArrayAsync();
        Assert.Null(Encoding(identity));
        Assert.Contains("Accept-Encoding", identity.Headers.Vary);

        foreach (var (accept, expected) in new[] { ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0.5, gzip", "gzip"), ("identity", null) })
        {
            // Twice: the first may render; the second is the kept page's hit.
            await GetAsync(client, Section, accept);
            var response = await GetAsync(client, Section, accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, Encoding(response));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var sent = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(sent.Length, response.Content.Headers.ContentLength);
            Assert.Equal(page, await DecodedAsync(response));
            if (expected is not null)
            {
                Assert.True(sent.Length <= page.Length * 0.3, $"{expected}: {sent.Length} of {page.Length} bytes");
                Assert.NotEqual(identity.Headers.ETag, response.Headers.ETag);
            }
        }
    }

    [Fact]
    public async Task Each_coding_has_its_own_ETag_and_a_browser_holding_any_of_them_gets_304()
    {
        // Otherwise: a cache told "not modified" for the gzip ETag serves Brotli bytes labelled gzip, or browsers re-download every page.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var etags = new List<string>();
        foreach (var accept in new[] { "br", "gzip", "br", "gzip" })
            etags.Add((await GetAsync(client, Section, accept)).Headers.ETag!.ToString());
        etags.Add((await GetAsync(client, Section, null)).Headers.ETag!.ToString());
        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal(etags[0], etags[2]);
        Assert.Equal(etags[1], etags[3]);

        foreach (var etag in etags.Distinct())
        {
            var conditional = new HttpRequestMessage(HttpMethod.Get, Section);
            conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
            conditional.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag!.ToString());
        }
    }

    [Fact]
    public async Task A_kept_page_is_compressed_once_per_coding_and_revision_not_per_request()
    {
        // Otherwise: every reader's request pays for Brotli's strongest setting, and the portal serves a fraction of the readers.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var pages = app.Services.GetRequiredService<RenderedPages>();
        await GetAsync(client, Section, "br, gzip");
        var before = pages.Compressions;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("br", Encoding(await GetAsync(client, Section, "br, gzip")));
            Assert.Equal("gzip", Encoding(await GetAsync(client, Section, "gzip")));
        }
        Assert.Equal(before + 2, pages.Compressions);

        var version = app.Services.GetRequiredService<CurrentRevision>();
        Assert.True(version.Advance(version.Current + 1));
        for (var i = 0; i < 3; i++) Assert.Equal("br", Encoding(await GetAsync(client, Section, "br")));
        Assert.Equal(before + 3, pages.Compressions);
    }

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/sections/overview/feed.atom")]
    [InlineData("/api/sections")]
    [InlineData("/api/sections/overview")]
    [InlineData("/api/search?q=veth")]
    [InlineData("/search?q=veth")]
    [InlineData("/sections/overview?utm_source=chat")]
    public async Task Feeds_the_API_and_searches_are_compressed_and_a_cached_answer_keeps_its_coding_apart(string path)
    {
        // Otherwise: feed readers and API clients download every byte, or the output cache replays a Brotli body to a
        // client that asked for none.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();
        var compressed = await GetAsync(client, path, "br");
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal("br", Encoding(compressed));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var plain = await GetAsync(client, path, null);
        Assert.Null(Encoding(plain));
        var gzip = await GetAsync(client, path, "gzip");
        Assert.Equal("gzip", Encoding(gzip));
        var text = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(text, await DecodedAsync(compressed));
        Assert.Equal(text, await DecodedAsync(gzip));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    public async Task Pages_with_an_antiforgery_token_or_for_editors_are_never_compressed(string path)
    {
        // Otherwise: an attacker who can make a victim's browser send chosen text beside the token reads the token from
        // the compressed length (BREACH) and forges the victim's requests.
        await using var app = await PortalApp.StartAsync(server);
        var anonymous = await GetAsync(app.Browser(), path, "br, gzip");
        Assert.Null(Encoding(anonymous));

        var editor = await app.SignedInAsync(Roles.Editor);
        foreach (var page in new[] { path, "/admin", Section, "/search?q=veth", "/api/sections" })
        {
            var response = await GetAsync(editor, page, "br, gzip");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.Null(Encoding(response));
        }
        var signedInSection = await (await GetAsync(editor, Section, "br, gzip")).Content.ReadAsStringAsync();
        Assert.Contains("__RequestVerificationToken", signedInSection);
    }
}
