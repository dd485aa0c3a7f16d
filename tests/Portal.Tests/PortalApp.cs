using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Tests.Shared.Portal;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContainerNetLib.Portal.Tests;

/// <summary>The portal in memory, with the seed (or nothing) imported.</summary>
public sealed class PortalApp(FreshDatabase database) : PortalFactory(database)
{
    public static async Task<PortalApp> StartAsync(
        TestDatabase server, bool importSeed = true, Dictionary<string, string?>? settings = null, string role = "web",
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var app = new PortalApp(await server.CreateAsync()) { Settings = settings ?? [], Role = role, ReplaceServices = services };
        if (importSeed) await app.ImportAsync(await File.ReadAllTextAsync(RepoRoot.Seed));
        return app;
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
