using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Tests.Shared.Portal;

/// <summary>The portal against one test's own database; dropping the database with the app.</summary>
public abstract class PortalFactory(FreshDatabase database) : WebApplicationFactory<Program>
{
    public FreshDatabase Database => database;

    /// <summary>"web" unless a test needs Hangfire's server running ("all").</summary>
    public string Role { get; init; } = "web";

    /// <summary>Configuration on top of the defaults (LinkHealth:..., etc.).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>Service replacements (a name resolver, a clock), applied after the app's own.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

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
        // The app's JSON log lines would bury the test runner's report of what failed.
        builder.UseSetting("Portal:LogToConsole", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ReplaceServices is { } replace) builder.ConfigureServices(replace);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
