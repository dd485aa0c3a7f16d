using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Domain.LinkHealth.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// The link checker and its recorded runs, bound once from configuration section LinkHealth: the portal's
/// nightly job and the command line's link-run use exactly these services.
/// </summary>
public static class LinkCheckingServices
{
    public const string CheckerClient = "link-checker";
    public const string WebhookClient = "webhook";

    /// <summary>Needs an <see cref="IDbContextFactory{PortalDbContext}"/>, a <see cref="TimeProvider"/> and logging
    /// registered.</summary>
    public static IServiceCollection AddLinkChecking(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LinkHealthOptions.Section);
        services.AddOptions<LinkHealthOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkHealthOptions>, LinkHealthOptionsValidator>();
        services.AddOptions<LinkCheckOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<LinkHealthOptions>>((checker, health) =>
            {
                // Site owners who see the checker in their logs can find out who it is.
                if (health.Value.PublicUrl is { Length: > 0 } site && !checker.UserAgent.Contains('(',
                    StringComparison.Ordinal))
                    checker.UserAgent += $" (+{site})";
            });
        services.AddOptions<PolitenessOptions>().Bind(section.GetSection("Politeness")).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<GitHubOptions>().Bind(configuration.GetSection(GitHubOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>();

        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton(sp => Health(sp).AddressPolicy());
        services.AddSingleton(sp => Health(sp).UrlPolicy(sp.GetRequiredService<AddressPolicy>()));
        services.AddSingleton<GuardedConnector>();
        services.AddHttpClient(CheckerClient)
            .ConfigurePrimaryHttpMessageHandler(Guarded)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The GitHub API's token travels through this client too.
            .RedactLoggedHeaders(["Authorization"]);
        // The webhook's address comes from a setting, not from an editor, and passes the same guard all the same: a
        // name that resolves inside is refused when it is dialled (LinkHealth:AllowedNetworks allows one on purpose).
        // No request log for this client: the webhook's address is its secret.
        services.AddHttpClient(WebhookClient, client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(Guarded)
            .RemoveAllLoggers();

        services.AddSingleton(sp => new LinkChecker(
            Client(sp, CheckerClient),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        // Through the checker's client: the API base URL passes the same address guard as any link.
        services.AddSingleton(sp => new GitHubRepoChecker(
            Client(sp, CheckerClient),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value,
            sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        // One per process: every chunk running here shares its per-host and overall limits.
        services.AddSingleton(sp => new PoliteChecker(
            sp.GetRequiredService<LinkChecker>(),
            sp.GetRequiredService<IOptions<PolitenessOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GitHubRepoChecker>()));
        services.AddSingleton(sp =>
        {
            var health = Health(sp);
            var archive = health.ArchiveBaseUrl.Length == 0
                ? null
                : new ArchiveLookup(new GuardedFetch(Client(sp, CheckerClient), sp.GetRequiredService<UrlPolicy>(),
                        sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value), new Uri(health.ArchiveBaseUrl),
                    sp.GetRequiredService<TimeProvider>());
            return new RecordedRuns(
                sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
                sp.GetRequiredService<PoliteChecker>(),
                archive,
                health.RunSettings(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ExclusionRules>(),
                sp.GetRequiredService<RunNotifier>(),
                // The saved copies, when they are registered: they take the pages the checks read whole.
                sp.GetService<IPageKeeper>());
        });
        services.AddSingleton(sp => new ExclusionRules(Health(sp).ParseExclusions(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RunNotifier(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            Client(sp, WebhookClient),
            Health(sp).NotifySettings(),
            sp.GetRequiredService<ILogger<RunNotifier>>()));
        return services;
    }

    private static SocketsHttpHandler Guarded(IServiceProvider sp) => sp.GetRequiredService<GuardedConnector>()
        .CreateHandler(sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value.ConnectTimeout);

    private static LinkHealthOptions Health(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<LinkHealthOptions>>().Value;

    private static HttpClient Client(IServiceProvider sp, string name) =>
        sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
