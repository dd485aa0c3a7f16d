using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// A hostile-web stand-in on 127.0.0.1: each path answers with whatever the test's handler returns
/// for its n-th request — a string (sent as UTF-8), raw bytes, or a <see cref="Streamed"/> writer for
/// answers that take time (drip, endless); null means: accept and never answer.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly Func<string, int, object?> _handler;
    private readonly Task _loop;
    private int _connections;

    private readonly X509Certificate2? _certificate;

    /// <param name="certificate">Serve TLS with it (https URLs); null for plain HTTP.</param>
    public FixtureServer(Func<string, int, object?> handler, X509Certificate2? certificate = null)
    {
        _handler = handler;
        _certificate = certificate;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Url(string path) => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}{path}";

    /// <summary>A self-signed certificate for 127.0.0.1: no client trusts it unless told to.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Request bodies (those with a Content-Length), by path, in arrival order: what a webhook was sent.</summary>
    public ConcurrentQueue<(string Path, string Body)> Bodies { get; } = new();

    /// <summary>Each request's line and headers, in arrival order: what a client sent besides its path.</summary>
    public ConcurrentQueue<string> Heads { get; } = new();

    /// <summary>Requests received on any path.</summary>
    public int TotalHits => _hits.Values.Sum();

    /// <summary>TCP connections accepted, request or not: zero proves a refused target was never dialled.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The same answer on every path.</summary>
    public static FixtureServer Always(string response) => new((_, _) => response);

    public static string Response(int status, string reason, string headers = "", string body = "") =>
        $"HTTP/1.1 {status} {reason}\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>A response written by the test itself, for bodies that drip or never end.</summary>
    public sealed record Streamed(Func<Stream, CancellationToken, Task> Write);

    public static byte[] Bytes(string headers, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\n{headers}Content-Length: {body.Length}\r\nConnection: close\r\n\r\n"), .. body];

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0) return;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                var head = request.ToString();
                var path = head.Split(' ')[1];
                await ReadBodyAsync(stream, head, path, buffer);
                Heads.Enqueue(head[..(head.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 2)]);
                var n = _hits.AddOrUpdate(path, 1, (_, c) => c + 1);
                var response = _handler(path, n);
                if (response is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                if (response is Streamed streamed)
                {
                    await streamed.Write(stream, _stop.Token);
                    return;
                }
                var bytes = response is byte[] raw ? raw : Encoding.UTF8.GetBytes(((string)response).Replace("{port}", Port.ToString(), StringComparison.Ordinal));
                await stream.WriteAsync(bytes, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
            }
        }
    }

    private async Task ReadBodyAsync(Stream stream, string head, string path, byte[] buffer)
    {
        var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var length = head[..end].Split("\r\n").Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        if (length == 0) return;
        var body = new StringBuilder(head[end..]);
        while (Encoding.UTF8.GetByteCount(body.ToString()) < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) break;
            body.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        Bodies.Enqueue((path, body.ToString()));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
    }
}
