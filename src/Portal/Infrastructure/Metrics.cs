using System.ComponentModel.DataAnnotations;
using System.Net;
using ContainerNetLib.Domain.Telemetry;
using ContainerNetLib.Domain.Urls;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>Who may read /metrics, and where a worker (which has no web server) serves its own.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Client networks allowed to scrape /metrics; loopback and the private ranges by default.</summary>
    public List<string> AllowedNetworks { get; set; } = [.. Domain.LinkHealth.AddressPolicy.InsideNetworks];

    /// <summary>Worker role only (it serves no pages): a port on which it answers /metrics and /healthz; 0, the
    /// default, none.</summary>
    [Range(0, 65535, ErrorMessage = "Metrics:WorkerPort must be a port number (1-65535), or 0 for none")]
    public int WorkerPort { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context) =>
        NetworkList.Problems($"{Section}:{nameof(AllowedNetworks)}", AllowedNetworks)
            .Select(problem => new ValidationResult(problem));

    /// <summary>
    /// A client with no network address (the in-process test host, a Unix socket) is local; otherwise
    /// its address must be in one of the networks.
    /// </summary>
    public static bool IsAllowed(IPAddress? client, IEnumerable<string> networks)
    {
        return client is null || NetworkList.Contains(NetworkList.Parse(networks), client);
    }
}

public static class Metrics
{
    public const string Path = "/metrics";

    /// <summary>Request durations (ASP.NET Core's own meters), link checks, job durations and imports, in Prometheus
    /// format.</summary>
    public static IHostApplicationBuilder AddPortalMetrics(this IHostApplicationBuilder builder, bool export = true)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Hosting",
                "Microsoft.AspNetCore.Server.Kestrel");
            if (export) metrics.AddPrometheusExporter();
        });
        return builder;
    }

    /// <summary>
    /// Middleware: /metrics answers only scrapers on the allowed networks, 404 (as if absent) anyone else.
    /// Placed early, before anything that would work for a request it is going to refuse.
    /// </summary>
    public static WebApplication UseMetricsAllowList(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use((context, next) =>
        {
            var allowed = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowedNetworks;
            if (MetricsOptions.IsAllowed(context.Connection.RemoteIpAddress, allowed)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        return app;
    }

    /// <summary>The Prometheus endpoint at /metrics, behind <see cref="UseMetricsAllowList"/>.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        // Open in private mode too: who may scrape is the allow-list's rule.
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
        return app;
    }
}
