using ContainerNetLib.Domain.SavedCopies;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.SavedCopies;

public static class SavedCopiesSetup
{
    /// <summary>
    /// After <c>AddLinkHealth</c>, in every process that runs jobs (a worker too): the checks' jobs queue the copy
    /// jobs, and copies are fetched with the checker's services.
    /// </summary>
    public static IHostApplicationBuilder AddSavedCopies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCopySaving(builder.Configuration);
        builder.Services.AddSingleton<SavedCopyQueries>();
        builder.Services.AddTransient<SavedCopyJobs>();
        builder.Services.AddRecurringJobs<SavedCopyRecurringJobs>();
        return builder;
    }
}
