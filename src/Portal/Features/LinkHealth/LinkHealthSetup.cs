using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContainerNetLib.Portal.Features.LinkHealth;

public static class LinkHealthSetup
{
    /// <summary>Hangfire's tables live in their own schema of the portal's database.</summary>
    public const string JobSchema = "hangfire";

    public const string CheckerClient = "link-checker";

    public static IHostApplicationBuilder AddLinkHealth(this IHostApplicationBuilder builder, PortalRole role)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(LinkHealthOptions.Section);
        services.AddOptions<LinkHealthOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkHealthOptions>, LinkHealthOptionsValidator>();
        services.AddOptions<LinkCheckOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<LinkHealthOptions>>((checker, health) =>
            {
                // Site owners who see the checker in their logs can find out who it is.
                if (health.Value.PublicUrl is { Length: > 0 } site && !checker.UserAgent.Contains('(', StringComparison.Ordinal))
                    checker.UserAgent += $" (+{site})";
            });
        services.AddOptions<PolitenessOptions>().Bind(section.GetSection("Politeness")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GitHubOptions>().Bind(builder.Configuration.GetSection(GitHubOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>();

        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton(sp => new AddressPolicy(sp.GetRequiredService<IOptions<LinkHealthOptions>>().Value.ParseAllowedNetworks()));
        services.AddSingleton(sp => new UrlPolicy(
            sp.GetRequiredService<AddressPolicy>(), sp.GetRequiredService<IOptions<LinkHealthOptions>>().Value.AllowedPorts.ToHashSet()));
        services.AddSingleton<GuardedConnector>();
        services.AddHttpClient(CheckerClient)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<GuardedConnector>()
                .CreateHandler(sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value.ConnectTimeout))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The GitHub API's token travels through this client too.
            .RedactLoggedHeaders([HeaderNames.Authorization]);
        services.AddHttpClient(RunNotifier.ClientName, client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton(sp => new LinkChecker(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(CheckerClient),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        // Through the checker's client: the API base URL passes the same address guard as any link.
        services.AddSingleton(sp => new GitHubRepoChecker(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(CheckerClient),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value,
            sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        // One per process: every chunk running here shares its per-host and overall limits.
        services.AddSingleton(sp => new LinkCheckRun(
            sp.GetRequiredService<LinkChecker>(),
            sp.GetRequiredService<IOptions<PolitenessOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GitHubRepoChecker>()));
        services.AddSingleton(sp =>
        {
            var health = sp.GetRequiredService<IOptions<LinkHealthOptions>>().Value;
            var archive = health.ArchiveBaseUrl.Length == 0 ? null : new ArchiveLookup(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(CheckerClient), new Uri(health.ArchiveBaseUrl), sp.GetRequiredService<TimeProvider>());
            return new LinkCheckRuns(
                sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
                sp.GetRequiredService<LinkCheckRun>(),
                archive,
                new RunSettings(health.FailuresBeforeBroken, health.ChunkSize),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddTransient<LinkCheckJobs>();
        services.AddTransient<RunNotifier>();
        services.AddSingleton<Report.ReportQueries>();

        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new JobDurationFilter())
            .UsePostgreSqlStorage(
                connection => connection.UseNpgsqlConnection(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = JobSchema,
                    // Installed by JobServer once the database answers, not while the host starts.
                    PrepareSchemaIfNecessary = false,
                    // A chunk that is still running keeps its job; one whose process died is picked up again after this.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                }));
        services.AddSingleton<JobStorageReadiness>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<JobServer>(sp, role));
        return builder;
    }
}
