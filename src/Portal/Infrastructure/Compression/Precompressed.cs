using System.IO.Compression;

namespace ContainerNetLib.Portal.Infrastructure.Compression;

/// <summary>
/// A kept page's body compressed once, at the strongest settings, for every reader after the first:
/// the work is done once a revision, so it can be thorough where per-response compression must be fast.
/// </summary>
public static class Precompressed
{
    /// <summary>Pages up to this size get Brotli's strongest setting; larger ones a quicker one.</summary>
    public const int StrongestUpTo = 256 * 1024;

    /// <summary>The body in <paramref name="encoding"/> ("br" or "gzip"); null when that is not smaller.</summary>
    public static byte[]? Compress(ReadOnlySpan<byte> body, string encoding)
    {
        var compressed = encoding switch
        {
            "br" => Brotli(body),
            "gzip" => Gzip(body),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Only br and gzip."),
        };
        return compressed is not null && compressed.Length < body.Length ? compressed : null;
    }

    private static byte[]? Brotli(ReadOnlySpan<byte> body)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        // Quality 11, the best, is paid once a revision by the first reader who asks; its cost grows with the
        // body, so past StrongestUpTo it would keep that reader waiting for seconds and 6 is used instead.
        var quality = body.Length <= StrongestUpTo ? 11 : 6;
        return BrotliEncoder.TryCompress(body, buffer, out var written, quality, window: 22) ? buffer[..written] : null;
    }

    private static byte[] Gzip(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(body);
        return output.ToArray();
    }
}
