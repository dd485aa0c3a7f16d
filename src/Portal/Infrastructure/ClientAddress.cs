using System.Net;
using System.Net.Sockets;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Who is asking, for the limits that count per client (sign-in tries, lockouts): the connection's address, which
/// behind a named proxy is the client's as the proxy reported it (<see cref="ReverseProxy"/>). An IPv6 client
/// counts by its /64 network, which one customer line gets whole: counting each address would hand one attacker
/// 2^64 fresh limits.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        var v4 => v4.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
