using System.IO.Compression;
using System.Text;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>Titles in every encoding a real page uses, and pages built to hurt the reader.</summary>
[Collection(MeasuredCollection.Name)]
public class PageMetadataTests
{
    static PageMetadataTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly byte[] Bomb = GzipOfZeros(100 * 1024 * 1024);

    private static object? Handle(string path, int n) => path switch
    {
        "/meta" => Response(200, "OK", "Content-Type: text/html\r\n",
            "<html><head><title> Deep   dive </title><meta property=\"og:title\" content=\"OG title\"><meta property=\"og:description\" content=\"About VXLAN\">" +
            "<meta property=\"article:published_time\" content=\"2017-05-03T00:00:00Z\"><meta name=\"author\" content=\"Vincent Bernat\">" +
            "<link rel=\"canonical\" href=\"https://vincent.bernat.ch/en/blog/2017-vxlan-linux\"></head><body></body></html>"),
        "/cp1251" => Bytes("Content-Type: text/html\r\n", Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"windows-1251\"><title>Сетевые пространства имён</title></head>")),
        "/sjis" => Bytes("Content-Type: text/html\r\n", Encoding.GetEncoding("shift_jis").GetBytes("<html><head><meta charset=\"Shift_JIS\"><title>コンテナのネットワーク</title></head>")),
        "/header-wins" => Bytes("Content-Type: text/html; charset=windows-1251\r\n", Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"utf-8\"><title>Привет</title></head>")),
        "/bom" => Bytes("Content-Type: text/html; charset=windows-1252\r\n", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<title>café ☕</title>")]),
        "/no-charset" => Bytes("Content-Type: text/html\r\n", Encoding.GetEncoding(1252).GetBytes("<title>naïve</title>")),
        "/bomb" => Bytes("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", Bomb),
        "/no-title" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head></head><body>x</body></html>"),
        "/script-title" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head><title><script>alert(1)</script> News</title></head></html>"),
        "/broken" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head><title>Broken <b>bold</head><body><p>unclosed <div"),
        "/pdf" => Response(200, "OK", "Content-Type: application/pdf\r\n", "%PDF-1.4 not html"),
        "/big" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><head><title>Big</title>" + new string('x', 5 * 1024 * 1024)),
        _ => Response(404, "Not Found"),
    };

    private static async Task<LinkCheckResult> CheckAsync(string path)
    {
        var (checker, server) = LinkCheckerTests.Create(handler: Handle);
        await using var _ = server;
        return await checker.CheckAsync(server.Url(path));
    }

    [Fact]
    public async Task Title_and_metadata_are_read_from_the_head()
    {
        var page = (await CheckAsync("/meta")).Page!;
        Assert.Equal("Deep dive", page.Title);
        Assert.Equal("OG title", page.OgTitle);
        Assert.Equal("About VXLAN", page.OgDescription);
        Assert.Equal("2017-05-03T00:00:00Z", page.PublishedTime);
        Assert.Equal("Vincent Bernat", page.Author);
        Assert.Equal("https://vincent.bernat.ch/en/blog/2017-vxlan-linux", page.Canonical);
    }

    [Theory]
    [InlineData("/cp1251", "Сетевые пространства имён")]
    [InlineData("/sjis", "コンテナのネットワーク")]
    [InlineData("/header-wins", "Привет")]
    [InlineData("/bom", "café ☕")]
    [InlineData("/no-charset", "naïve")]
    public async Task The_charset_is_found_in_whatwg_order(string path, string title)
    {
        // Otherwise: the report shows mojibake for every Russian or Japanese page.
        Assert.Equal(title, (await CheckAsync(path)).Page!.Title);
    }

    [Fact]
    public async Task A_compression_bomb_stops_at_the_cap()
    {
        // 100 MB of zeros in ~100 KB of gzip: only the first MB is ever inflated.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await CheckAsync("/bomb");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(LinkOutcome.Ok, result.Outcome);
        Assert.True(allocated < 40L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB for a 1 MB cap");
    }

    [Fact]
    public async Task A_large_page_without_a_head_end_is_read_up_to_the_cap_only()
    {
        var result = await CheckAsync("/big");
        Assert.Equal("Big", result.Page!.Title);
    }

    [Theory]
    [InlineData("/no-title", null)]
    [InlineData("/script-title", "<script>alert(1)</script> News")]
    public async Task Missing_and_hostile_titles(string path, string? title)
    {
        // A title is stored and later shown as text: markup in it stays text.
        Assert.Equal(title, (await CheckAsync(path)).Page!.Title);
    }

    [Fact]
    public async Task Broken_html_still_gives_a_result()
    {
        var result = await CheckAsync("/broken");
        Assert.Equal(LinkOutcome.Ok, result.Outcome);
        Assert.NotNull(result.Page);
    }

    [Fact]
    public async Task Non_html_answers_record_their_type_and_no_title()
    {
        var result = await CheckAsync("/pdf");
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Null(result.Page);
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write("<html><head><title>Bomb</title>"u8);
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length) gzip.Write(zeros);
        }
        return output.ToArray();
    }
}
