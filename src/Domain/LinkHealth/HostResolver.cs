using System.Net;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>Name resolution for the checker; tests replace it to map names to addresses without DNS.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
