using System.Net.Sockets;
using System.Text;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Browser.Tests;

/// <summary>Requests a browser never sends but health checkers and old clients do, over a real socket.</summary>
public class RawHttpTests(TestDatabase server)
{
    [Theory]
    [InlineData("GET / HTTP/1.0\r\n\r\n", "HTTP/1.1 400")]
    [InlineData("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n", "HTTP/1.1 200")]
    public async Task A_request_without_a_host_gets_400_and_the_health_check_request_200(string request, string expected)
    {
        // Otherwise: the container's health check (or an HTTP/1.0 client) sees a 500 and the portal reads as down.
        await using var portal = await LivePortal.StartAsync(server);
        var uri = new Uri(portal.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[12];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read)) is var n and > 0) read += n;
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, read));
    }
}
