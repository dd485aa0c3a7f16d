using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>
/// The network address a request comes from, as a test names it. The in-process test host has none, so a test
/// that plays a browser at some address, or a reverse proxy, says which in a header that only this filter reads,
/// before anything of the portal's own sees the request.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    /// <summary>For <see cref="PortalApp.StartAsync"/>'s services.</summary>
    public static void Add(IServiceCollection services) => services.AddTransient<IStartupFilter, PeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            if (context.Request.Headers.Remove(Header, out var peer))
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return rest(context);
        });
        next(app);
    };
}

public static class PeerAddresses
{
    /// <summary>Every request of this client comes from <paramref name="address"/>.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(PeerAddress.Header);
        client.DefaultRequestHeaders.Add(PeerAddress.Header, address);
        return client;
    }
}
