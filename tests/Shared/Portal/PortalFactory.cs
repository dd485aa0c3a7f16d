using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Tests.Shared.Portal;

/// <summary>The portal against one test's own database; dropping the database with the app.</summary>
public abstract class PortalFactory(FreshDatabase database) : WebApplicationFactory<Program>
{
    public FreshDatabase Database => database;

    /// <summary>"web" unless a test needs Hangfire's server running ("all").</summary>
    protected virtual string Role => "web";

    public async Task<ImportSummary> ImportAsync(string markdown)
    {
        await using var db = database.Open();
        return await new ListImporter(db, TimeProvider.System).ImportAsync(ReadingListParser.Parse(markdown), dryRun: false);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
        // Pages only: tests that need the job server (LinkHealth) ask for it.
        builder.UseSetting("Portal:Role", Role);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
