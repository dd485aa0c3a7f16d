using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>Saved copies, bound once from configuration section Archive: the portal's jobs and the command line's
/// link-run use exactly these services.</summary>
public static class SavedCopyServices
{
    /// <summary>Needs <see cref="LinkHealth.LinkCheckingServices.AddLinkChecking"/> registered (the same client,
    /// guard and politeness).</summary>
    public static IServiceCollection AddSavedCopies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArchiveOptions>().Bind(configuration.GetSection(ArchiveOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        return services;
    }
}
