using Microsoft.Extensions.Options;
using ContainerNetLib.Portal.Features.LinkHealth;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// <c>--role worker</c>: the same services and configuration as the portal, but only the Hangfire
/// server runs; no pages, no port. Start as many as the nightly check needs.
/// </summary>
public static class WorkerHost
{
    public static async Task RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddPortalLogging();
        builder.AddPortalDatabase();
        builder.AddLinkHealth(PortalRole.Worker);
        builder.AddPortalMetrics(PortalRole.Worker);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await host.RunAsync();
    }
}
