using System.Text.Json;
using ContainerNetLib.Domain.Data;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContainerNetLib.Portal.Infrastructure.Health;

/// <summary>
/// /healthz/live: the process answers (restart it if not). /healthz/ready: PostgreSQL and Hangfire's
/// storage answer too (send it traffic only then). Both anonymous, never cached, JSON.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IHostApplicationBuilder AddPortalHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresCheck>("postgresql", tags: ["ready"])
            .AddCheck<JobStorageCheck>("hangfire", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks($"{Path}/live",
            new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapHealthChecks($"{Path}/ready",
            new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key,
                e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }

    private sealed class PostgresCheck(IDbContextFactory<PortalDbContext> databases) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
            CancellationToken ct = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var db = await databases.CreateDbContextAsync(timeout.Token);
                return await db.Database.CanConnectAsync(timeout.Token)
                    ? HealthCheckResult.Healthy("PostgreSQL answers")
                    : HealthCheckResult.Unhealthy("PostgreSQL does not answer");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"PostgreSQL: {e.GetBaseException().Message}");
            }
        }
    }

    private sealed class JobStorageCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                using var connection = services.GetRequiredService<JobStorage>().GetConnection();
                connection.GetRecurringJobs();
                return Task.FromResult(HealthCheckResult.Healthy("Hangfire storage answers"));
            }
            catch (Exception e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"Hangfire storage: " +
                    $"{e.GetBaseException().Message}"));
            }
        }
    }
}
