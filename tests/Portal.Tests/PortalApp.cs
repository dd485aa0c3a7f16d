using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Portal.Tests;

/// <summary>The portal against its own fresh database, with the seed (or another list) imported.</summary>
public sealed class PortalApp(FreshDatabase database) : WebApplicationFactory<Program>
{
    public FreshDatabase Database => database;

    public static async Task<PortalApp> StartAsync(TestDatabase server, bool importSeed = true)
    {
        var database = await server.CreateAsync();
        var app = new PortalApp(database);
        if (importSeed) await app.ImportAsync(await File.ReadAllTextAsync(RepoRoot.Seed));
        return app;
    }

    public async Task<ImportSummary> ImportAsync(string markdown)
    {
        await using var db = database.Open();
        return await new ListImporter(db, TimeProvider.System).ImportAsync(ReadingListParser.Parse(markdown), dryRun: false);
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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
