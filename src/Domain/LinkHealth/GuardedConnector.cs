using System.Net;
using System.Net.Sockets;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>The address policy said no: nothing was dialled.</summary>
public sealed class RefusedAddressException(string message) : HttpRequestException(message);

/// <summary>
/// The checker's only way onto the network. It resolves the host itself, refuses if any address is
/// on the inside, and then dials exactly the address it vetted — so a name that resolves
/// differently a moment later (DNS rebinding), or a redirect to an inside address, is refused too.
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy, IHostResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'),
            out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (policy.Refusal(addresses) is { } refusal) throw new RefusedAddressException($"refused {host}: {refusal}");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(addresses[0], context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The handler the checker uses: redirects followed by hand (each hop re-checked, <see cref="GuardedFetch"/>), no
    /// proxy from the environment, no cookies, no credentials, every connection through the guard, and bodies
    /// decompressed as they are read (a reader's cap counts decompressed bytes, so a compression bomb stops there).
    /// </summary>
    /// <param name="extraTrust">A certificate to trust beyond the system's roots (a private CA, a test server); null
    /// for none.</param>
    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout,
        System.Security.Cryptography.X509Certificates.X509Certificate2? extraTrust = null) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        Credentials = null,
        PreAuthenticate = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = connectTimeout,
        ConnectCallback = ConnectAsync,
        SslOptions = extraTrust is null ? new() : new()
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None ||
                certificate is not null && certificate.GetCertHashString() == extraTrust.GetCertHashString(),
        },
    };
}
