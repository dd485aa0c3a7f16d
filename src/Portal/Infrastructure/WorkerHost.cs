using Microsoft.Extensions.Options;
using ContainerNetLib.Portal.Infrastructure.Health;
using ContainerNetLib.Portal.Infrastructure.Logging;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// <c>--role worker</c>: the same services and configuration as the portal, but only the Hangfire
/// server runs; no pages. Start as many as the nightly check needs. With Metrics:WorkerPort set, it
/// also answers /metrics and /healthz on that port (and nothing else), for Prometheus and the
/// container runtime. Which features run jobs is Program.cs's to say (<paramref name="addJobs"/> of
/// <see cref="RunAsync"/>), as for the portal: infrastructure knows no feature.
/// </summary>
public static class WorkerHost
{
    public static async Task RunAsync(string[] args, Action<IHostApplicationBuilder> addJobs)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var port = configuration.GetValue<int?>($"{MetricsOptions.Section}:WorkerPort") ?? 0;
        if (port <= 0)
        {
            var builder = Host.CreateApplicationBuilder(args);
            AddWorker(builder, addJobs, exportMetrics: false);
            var host = builder.Build();
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.RunAsync();
            return;
        }

        var web = WebApplication.CreateBuilder(args);
        web.WebHost.UseUrls($"http://*:{port}");
        AddWorker(web, addJobs, exportMetrics: true);
        web.AddPortalHealthChecks();
        var app = web.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.UseMetricsAllowList();
        app.MapPortalMetrics();
        app.MapHealthEndpoints();
        await app.RunAsync();
    }

    private static void AddWorker(IHostApplicationBuilder builder, Action<IHostApplicationBuilder> addJobs,
        bool exportMetrics)
    {
        builder.AddRenamedSettings();
        builder.AddPortalLogging();
        builder.AddPortalDatabase();
        addJobs(builder);
        builder.AddPortalMetrics(exportMetrics);
    }
}
