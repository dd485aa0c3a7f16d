using ContainerNetLib.Domain.Text;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Reads a page's title and metadata from an HTML answer, reading only what it must: up to
/// &lt;/head&gt; or a cap of decompressed bytes, whichever comes first. The handler decompresses as the bytes
/// are read, so a compression bomb stops at the cap too. The charset is found in WHATWG order (which .NET does not
/// do): byte order mark, Content-Type header, &lt;meta&gt; prescan, then windows-1252.
/// </summary>
public static partial class PageMetadataReader
{
    private static readonly HtmlParser Parser = new();

    static PageMetadataReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<PageMetadata?> ReadAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        if (!WebContent.IsHtml(content.Headers.ContentType?.MediaType)) return null;
        // The tag's end may straddle two reads: look a few bytes back.
        var bytes = await GuardedFetch.ReadUpToAsync(content, maxBytes, ct,
            (read, from) => IndexOfHeadEnd(read.Span[Math.Max(0, from - 6)..]) >= 0);
        return FromBytes(bytes, content.Headers.ContentType?.CharSet);
    }

    /// <summary>The metadata of a page already read (the head, or the whole page for a saved copy).</summary>
    public static PageMetadata FromBytes(byte[] bytes, string? headerCharset)
    {
        var document = Parser.ParseDocument(Decode(bytes, headerCharset));
        string? Meta(string selector) => document.QuerySelector(selector)?.GetAttribute("content")?.Trim() is { Length:
            > 0 } v ? v : null;
        return new PageMetadata(
            Whitespace.CollapseOrNull(document.Title),
            Meta("meta[property='og:title']"),
            Meta("meta[property='og:description'], meta[name='description']"),
            Meta("meta[property='article:published_time']"),
            Meta("meta[name='author']"),
            document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"));
    }

    private static int IndexOfHeadEnd(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 6 <= bytes.Length; i++)
        {
            if (bytes[i] == '<' && bytes[i + 1] == '/' && (bytes[i + 2] | 0x20) == 'h'
                && (bytes[i + 3] | 0x20) == 'e' &&
                (bytes[i + 4] | 0x20) == 'a' && (bytes[i + 5] | 0x20) == 'd') return i;
        }
        return -1;
    }

    internal static string Decode(byte[] bytes, string? headerCharset)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var encoding = Lookup(headerCharset) ?? Lookup(MetaCharset(bytes)) ?? Encoding.GetEncoding(1252);
        return encoding.GetString(bytes);
    }

    /// <summary>The prescan: a charset declared in a meta element within the first 1024 bytes.</summary>
    private static string? MetaCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            var encoding = Encoding.GetEncoding(charset.Trim().Trim('"', '\''));
            // WHATWG: a declared UTF-16 in a meta element means UTF-8 (the bytes were ASCII-readable).
            return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

}
