using Microsoft.Extensions.Options;
using ContainerNetLib.Portal.Features.LinkHealth;
using ContainerNetLib.Portal.Infrastructure.Health;
using ContainerNetLib.Portal.Infrastructure.Logging;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// <c>--role worker</c>: the same services and configuration as the portal, but only the Hangfire
/// server runs; no pages. Start as many as the nightly check needs. With Metrics:WorkerPort set, it
/// also answers /metrics and /healthz on that port (and nothing else), for Prometheus and the
/// container runtime.
/// </summary>
public static class WorkerHost
{
    public static async Task RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var port = configuration.GetValue<int?>($"{MetricsOptions.Section}:WorkerPort") ?? 0;
        if (port <= 0)
        {
            var builder = Host.CreateApplicationBuilder(args);
            AddWorker(builder, exportMetrics: false);
            var host = builder.Build();
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.RunAsync();
            return;
        }

        var web = WebApplication.CreateBuilder(args);
        web.WebHost.UseUrls($"http://*:{port}");
        AddWorker(web, exportMetrics: true);
        web.AddPortalHealthChecks();
        var app = web.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseMetricsAllowList();
        app.MapPortalMetrics();
        app.MapHealthEndpoints();
        await app.RunAsync();
    }

    private static void AddWorker(IHostApplicationBuilder builder, bool exportMetrics)
    {
        builder.AddPortalLogging();
        builder.AddPortalDatabase();
        builder.AddLinkHealth(ProcessRole.Worker);
        builder.AddPortalMetrics(exportMetrics);
    }
}
