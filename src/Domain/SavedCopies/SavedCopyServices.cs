using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>Saved copies, bound once from configuration section SavedCopies: the portal's jobs and the command line's
/// link-run use exactly these services.</summary>
public static class SavedCopyServices
{
    /// <summary>Needs <see cref="LinkCheckingServices.AddLinkChecking"/> registered: copies are fetched through
    /// the checker's client, address guard, deadline and politeness.</summary>
    public static IServiceCollection AddCopySaving(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SavedCopyOptions>().Bind(configuration.GetSection(SavedCopyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SavedCopyOptions>, SavedCopyOptionsValidator>();
        services.AddSingleton(sp => new CopyFetcher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(LinkCheckingServices.CheckerClient),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<PoliteChecker>(),
            sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value,
            Settings(sp)));
        services.AddSingleton(sp => new CopyRuns(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            sp.GetRequiredService<CopyFetcher>(),
            Settings(sp),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPageKeeper>(sp => sp.GetRequiredService<CopyRuns>());
        return services;
    }

    private static SavedCopyOptions Settings(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<SavedCopyOptions>>().Value;
}
