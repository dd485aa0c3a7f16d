using System.Net;
using System.Text;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Domain.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.SavedCopies;

/// <summary>Fetching a whole page for its copy: within the size cap, the robots header and the address guard.</summary>
public class CopyFetcherTests
{
    private const int Cap = 64 * 1024;

    private static object? Handle(string path, int n) => path switch
    {
        "/article" => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", CopyPages.Article()),
        "/latin1" => Bytes("Content-Type: text/html\r\n", CopyPages.MetaCharset("iso-8859-1", "Grüße aus Köln")),
        "/pdf" => Bytes("Content-Type: application/pdf\r\n", CopyPages.Pdf()),
        "/noarchive-header" => Response(200, "OK", "Content-Type: text/html\r\nX-Robots-Tag: noindex, noarchive\r\n",
            CopyPages.Article()),
        "/too-large" => Response(200, "OK", "Content-Type: text/html\r\n", new string('x', Cap + 1)),
        "/too-large-unannounced" => new Streamed(async (stream, ct) =>
        {
            await stream.WriteAsync(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
            for (var i = 0; i < 100; i++) await stream.WriteAsync(new byte[4096], ct);
        }),
        "/moved" => Response(301, "Moved", "Location: /article\r\n"),
        "/to-private" => Response(302, "Found", "Location: http://10.0.0.1/secret\r\n"),
        "/image" => Response(200, "OK", "Content-Type: image/png\r\n", "png"),
        _ => Response(404, "Not Found"),
    };

    private static (CopyFetcher Fetcher, FixtureServer Server) Create()
    {
        var server = new FixtureServer(Handle);
        var addresses = new AddressPolicy([IPNetwork.Parse("127.0.0.1/32")]);
        var checks = new LinkCheckOptions { Deadline = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(new GuardedConnector(addresses, new MapResolver([]))
            .CreateHandler(checks.ConnectTimeout));
        var urls = new UrlPolicy(addresses, new HashSet<int> { server.Port });
        var polite = new PoliteChecker(new LinkChecker(http, urls, checks, TimeProvider.System),
            new PolitenessOptions(), TimeProvider.System);
        return (new CopyFetcher(http, urls, polite, checks, new SavedCopyOptions { MaxPageBytes = Cap }), server);
    }

    private static async Task<PageFetch> FetchAsync(string path)
    {
        var (fetcher, server) = Create();
        await using var _ = server;
        return await fetcher.FetchAsync(server.Url(path), CancellationToken.None);
    }

    [Fact]
    public async Task A_page_is_fetched_whole_after_its_redirects()
    {
        var page = await FetchAsync("/moved");
        // Otherwise: a moved article gets no copy, or a copy of the redirect.
        Assert.Null(page.Error);
        Assert.EndsWith("/article", page.FinalUrl);
        Assert.Equal(SavedCopyKind.Html, page.Kind);
        Assert.Contains(CopyPages.ArticleWords, Encoding.UTF8.GetString(page.Body!));
    }

    [Fact]
    public async Task A_charset_named_only_in_the_page_survives_the_fetch()
    {
        var page = await FetchAsync("/latin1");
        var copy = PageExtractor.FromHtml(page.Body!, page.Charset, new Uri(page.FinalUrl!), 200_000);
        // Otherwise: the header's silence is read as UTF-8 and "Grüße" turns into replacement characters.
        Assert.Null(page.Charset);
        Assert.Contains("Grüße aus Köln", copy.Text);
    }

    [Fact]
    public async Task A_pdf_is_fetched_as_a_pdf()
    {
        var page = await FetchAsync("/pdf");
        // Otherwise: papers are skipped or parsed as HTML garbage.
        Assert.Equal(SavedCopyKind.Pdf, page.Kind);
        Assert.Contains(CopyPages.PdfWords, PdfExtractor.FromPdf(page.Body!, 200_000).Text);
    }

    [Fact]
    public async Task The_robots_header_noarchive_refuses_the_copy_before_the_body_is_read()
    {
        var page = await FetchAsync("/noarchive-header");
        // Otherwise: a site that says "do not archive" in its headers is archived anyway.
        Assert.Equal(CopyRefusalReason.NoArchive, page.Refusal);
        Assert.Null(page.Body);
    }

    [Theory]
    [InlineData("/too-large")]
    [InlineData("/too-large-unannounced")]
    public async Task A_page_over_the_size_cap_gets_no_copy(string path)
    {
        var page = await FetchAsync(path);
        // Otherwise: one huge page (or one that never says its length) fills the worker's memory.
        Assert.Equal(CopyRefusalReason.TooLarge, page.Refusal);
        Assert.Null(page.Body);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_never_followed()
    {
        var page = await FetchAsync("/to-private");
        // Otherwise: a linked site can make the portal fetch its internal network and show it as a copy.
        // Refused by the guard before any connection, not merely failed to connect.
        Assert.Contains("10.0.0.1", page.Error);
        Assert.Contains("private", page.Error);
        Assert.Null(page.Body);
    }

    [Fact]
    public async Task Anything_but_a_page_or_a_pdf_is_left_alone()
    {
        var page = await FetchAsync("/image");
        // Otherwise: images and archives are stored as "text".
        Assert.Equal("neither an HTML page nor a PDF", page.Error);
        Assert.Null(page.Refusal);
    }
}
