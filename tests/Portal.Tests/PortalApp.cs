using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Portal.Tests;

/// <summary>The portal against its own fresh database, with the seed imported.</summary>
public sealed class PortalApp(FreshDatabase database) : WebApplicationFactory<Program>
{
    public FreshDatabase Database => database;

    public static async Task<PortalApp> StartAsync(TestDatabase server, bool importSeed = true)
    {
        var database = await server.CreateAsync();
        if (importSeed)
        {
            await using var db = database.Open();
            var parsed = ReadingListParser.Parse(await File.ReadAllTextAsync(RepoRoot.Seed));
            await new ListImporter(db, TimeProvider.System).ImportAsync(parsed, dryRun: false);
        }
        return new PortalApp(database);
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
