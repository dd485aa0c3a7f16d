using System.Net;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Browser.Tests;

/// <summary>The portal on a real port of 127.0.0.1, with its own database, for a real browser.</summary>
public sealed class LivePortal(FreshDatabase database) : WebApplicationFactory<Program>
{
    public string BaseUrl { get; private set; } = "";

    public static async Task<LivePortal> StartAsync(TestDatabase server, params string[] lists)
    {
        var database = await server.CreateAsync();
        foreach (var list in lists.DefaultIfEmpty(await File.ReadAllTextAsync(RepoRoot.Seed)))
        {
            await using var db = database.Open();
            await new ListImporter(db, TimeProvider.System).ImportAsync(ReadingListParser.Parse(list), dryRun: false);
        }
        var portal = new LivePortal(database);
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var addresses = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        portal.BaseUrl = addresses.Single().TrimEnd('/');
        return portal;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
