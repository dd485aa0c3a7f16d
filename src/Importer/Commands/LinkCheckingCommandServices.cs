using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Importer.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Importer.Commands;

/// <summary>
/// The nightly job's link-checking services for a command (<see cref="LinkCheckingServices.AddLinkChecking"/>),
/// every LinkHealth:* setting bound once; bad settings stop the command before anything is dialled, one line
/// each, as the portal's start-up does.
/// </summary>
internal static class LinkCheckingCommandServices
{
    /// <param name="connection">The database, for recorded runs; null for checks that store nothing.</param>
    /// <param name="adjust">The command's own flags over the settings.</param>
    public static ServiceProvider Build(CommandContext context, string? connection,
        Action<IServiceCollection>? adjust = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging => logging.AddProvider(new TextWriterLogger(context.Error)));
        if (connection is not null)
            services.AddDbContextFactory<PortalDbContext>(options => PortalDatabase.Configure(options, connection));
        services.AddLinkChecking(context.Settings);
        adjust?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            _ = provider.GetRequiredService<IOptions<LinkHealthOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<LinkCheckOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<PolitenessOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<GitHubOptions>>().Value;
            // The saved copies' settings: checked where the command saves copies (link-run registers their
            // validator with them); elsewhere they are unused defaults with nothing to check.
            _ = provider.GetRequiredService<IOptions<SavedCopyOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new ConfigurationException(string.Join("; ", e.Failures));
        }
        return provider;
    }
}
