using System.Net;

namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>
/// A resolver for tests: names map to the addresses a test gives, DNS is never asked; any other name fails
/// as a real lookup of an unknown name does.
/// </summary>
public sealed class MapResolver(Dictionary<string, IPAddress[]> map) : ContainerNetLib.Domain.LinkHealth.IHostResolver
{
    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        lock (Asked) Asked.Add(host);
        return Task.FromResult(map.TryGetValue(host, out var addresses)
            ? addresses
            : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
