using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
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
        services.AddSingleton<Report.ReportQueries>();
        services.AddSingleton<Drift.DriftQueries>();
        services.AddTransient<Drift.DriftEditing>();
        // The checks' jobs queue the copy jobs: every process that runs jobs (a worker too) saves copies.
        builder.AddSavedCopies();

        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new JobDurationFilter())
            .UsePostgreSqlStorage(
                connection => connection.UseNpgsqlConnection(sp.GetRequiredService<IOptions<DatabaseOptions>>()
                    .Value.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = JobSchema,
                    // Installed by JobServer once the database answers, not while the host starts.
                    PrepareSchemaIfNecessary = false,
                    // A chunk that is still running keeps its job; one whose process died is picked up again after
                    // this.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                }));
        services.AddSingleton<JobStorageReadiness>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<JobServer>(sp, role));
        return builder;
    }
}
