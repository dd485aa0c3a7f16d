using System.Diagnostics;
using System.Text;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Tests.Shared;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>Servers that never stop, never finish or lie: every check ends in bounded time and memory.</summary>
[Collection(MeasuredCollection.Name)]
public class HostileBodyTests
{
    private static readonly byte[] Head = Encoding.ASCII.GetBytes("<html><head><title>Hostile</title>");

    private static object? Handle(string path, int n) => path switch
    {
        "/drip" => new Streamed(async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"), ct);
            for (var i = 0; i < 100_000; i++)
            {
                await stream.WriteAsync("x"u8.ToArray(), ct);
                await Task.Delay(1000, ct);
            }
        }),
        "/endless-chunked" => new Streamed(async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
            var chunk = Encoding.ASCII.GetBytes($"{Head.Length:x}\r\n{Encoding.ASCII.GetString(Head)}\r\n");
            var filler = Encoding.ASCII.GetBytes($"{8192:x}\r\n{new string('x', 8192)}\r\n");
            await stream.WriteAsync(chunk, ct);
            while (!ct.IsCancellationRequested) await stream.WriteAsync(filler, ct);
        }),
        "/lying-length" => new Streamed(async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"), ct);
            await stream.WriteAsync(Head, ct);
        }),
        "/50mb" => new Streamed(async (stream, ct) =>
        {
            const int size = 50 * 1024 * 1024;
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n"), ct);
            await stream.WriteAsync(Head, ct);
            var filler = new byte[64 * 1024];
            Array.Fill(filler, (byte)'x');
            for (var sent = Head.Length; sent < size; sent += filler.Length) await stream.WriteAsync(filler.AsMemory(0, Math.Min(filler.Length, size - sent)), ct);
        }),
        "/video" => new Streamed(async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {4L * 1024 * 1024 * 1024}\r\n\r\n"), ct);
            var filler = new byte[64 * 1024];
            while (!ct.IsCancellationRequested) await stream.WriteAsync(filler, ct);
        }),
        _ => Response(404, "Not Found"),
    };

    private static async Task<(LinkCheckResult Result, long Ms, long Allocated)> CheckAsync(string path, TimeSpan? deadline = null)
    {
        var (checker, server) = LinkCheckerTests.Create(deadline: deadline ?? TimeSpan.FromSeconds(10), handler: Handle);
        await using var _ = server;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await checker.CheckAsync(server.Url(path));
        return (result, clock.ElapsedMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    [Fact]
    public async Task A_body_that_drips_a_byte_a_second_ends_at_the_deadline()
    {
        var (result, ms, _) = await CheckAsync("/drip", TimeSpan.FromSeconds(2));
        Assert.Equal(LinkOutcome.Timeout, result.Outcome);
        Assert.InRange(ms, 1_500, 6_000);
    }

    [Theory]
    [InlineData("/endless-chunked")]
    [InlineData("/50mb")]
    public async Task Endless_and_huge_bodies_stop_at_the_cap(string path)
    {
        // Otherwise: one hostile link fills the worker's memory, or holds it all night.
        var (result, ms, allocated) = await CheckAsync(path);
        Assert.Equal(LinkOutcome.Ok, result.Outcome);
        Assert.Equal("Hostile", result.Page!.Title);
        Assert.True(ms < 5_000, $"took {ms} ms");
        Assert.True(allocated < 40L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task A_lying_content_length_gives_a_result_not_a_hang()
    {
        var (result, ms, _) = await CheckAsync("/lying-length");
        Assert.Equal(LinkOutcome.Ok, result.Outcome);
        Assert.True(ms < 5_000, $"took {ms} ms");
    }

    [Fact]
    public async Task A_large_video_is_not_downloaded()
    {
        var (result, ms, allocated) = await CheckAsync("/video");
        Assert.Equal(LinkOutcome.Ok, result.Outcome);
        Assert.Equal("video/mp4", result.ContentType);
        Assert.Null(result.Page);
        Assert.True(ms < 3_000, $"took {ms} ms");
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }
}
