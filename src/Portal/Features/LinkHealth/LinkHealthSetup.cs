using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth;

public static class LinkHealthSetup
{
    /// <summary>Hangfire's tables live in their own schema of the portal's database.</summary>
    public const string JobSchema = "hangfire";

    public static IHostApplicationBuilder AddLinkHealth(this IHostApplicationBuilder builder, ProcessRole role)
    {
        var services = builder.Services;
        services.AddLinkChecking(builder.Configuration);
        services.AddTransient<ExclusionEditing>();
        services.AddTransient<LinkCheckJobs>();
        services.AddRecurringJobs<LinkHealthRecurringJobs>();
        services.AddSingleton<Report.ReportQueries>();
        services.AddSingleton<OneTimeCookies>();
        services.AddSingleton<Drift.DriftQueries>();
        services.AddTransient<Drift.DriftEditing>();

        // This host's own storage and job activator, registered before AddHangfire so that the client, the
        // recurring jobs, the dashboard and the server all use them, never Hangfire's static JobStorage.Current
        // and JobActivator.Current (the last host configured in the process: where several hosts share one
        // process, another host's database and services).
        services.AddSingleton<JobActivator>(sp =>
            new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobStorage>(sp =>
        {
            var storageOptions = JobStorageOptions();
            var connection = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
            return new PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, storageOptions), storageOptions);
        });
        // The job timer joins Hangfire's own filters for this host only: UseFilter would add it to the process-wide
        // GlobalJobFilters, once per host.
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(
            JobFilterProviders.Providers, new JobFilterCollection { new JobDurationFilter() }));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddSingleton<JobStorageReadiness>();
        JobServer.AddStartPipeline(services);
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<JobServer>(sp, role));
        return builder;
    }

    private static PostgreSqlStorageOptions JobStorageOptions() => new()
        {
            SchemaName = JobSchema,
            // Installed by JobServer once the database answers, not while the host starts.
            PrepareSchemaIfNecessary = false,
            // A chunk that is still running keeps its job; one whose process died is picked up again after
            // this.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
}
