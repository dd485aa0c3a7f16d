using System.Net;
using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Tests.Shared.Portal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Browser.Tests;

/// <summary>The portal on a real port of 127.0.0.1, with its own database, for a real browser.</summary>
public sealed class LivePortal(FreshDatabase database) : PortalFactory(database)
{
    public string BaseUrl { get; private set; } = "";

    public static Task<LivePortal> StartAsync(TestDatabase server, params string[] lists) => StartAsync(server, [], lists);

    public static Task<LivePortal> StartAsync(TestDatabase server, Dictionary<string, string?> settings, params string[] lists) =>
        StartAsync(server, settings, null, lists);

    /// <param name="services">Service replacements (a log sink), applied after the app's own.</param>
    public static async Task<LivePortal> StartAsync(
        TestDatabase server, Dictionary<string, string?> settings, Action<IServiceCollection>? services, params string[] lists)
    {
        var portal = new LivePortal(await server.CreateAsync()) { Settings = settings, ReplaceServices = services };
        foreach (var list in lists.DefaultIfEmpty(await File.ReadAllTextAsync(RepoRoot.Seed))) await portal.ImportAsync(list);
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var addresses = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        portal.BaseUrl = addresses.Single().TrimEnd('/');
        return portal;
    }
}
