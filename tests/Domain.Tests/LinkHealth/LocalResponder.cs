using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>A minimal HTTP server on 127.0.0.1 that counts the connections it receives.</summary>
public sealed class LocalResponder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public LocalResponder(string response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                var stream = client.GetStream();
                // Read the request up to the blank line that ends its headers (GET has no body).
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0) break;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
    }
}

/// <summary>A resolver for tests: names map to the addresses a test gives, DNS is never asked.</summary>
public sealed class MapResolver(Dictionary<string, IPAddress[]> map) : ContainerNetLib.Domain.LinkHealth.IHostResolver
{
    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        Asked.Add(host);
        return Task.FromResult(map.TryGetValue(host, out var addresses) ? addresses : throw new HttpRequestException($"unknown host {host}"));
    }
}
