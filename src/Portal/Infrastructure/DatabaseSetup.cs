using System.ComponentModel.DataAnnotations;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure;

public sealed class DatabaseOptions
{
    [Required(ErrorMessage = "ConnectionStrings:Portal (environment ConnectionStrings__Portal) is not set")]
    public string ConnectionString { get; set; } = "";
}

public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddPortalDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString =
                builder.Configuration.GetConnectionString(PortalDatabase.ConnectionStringName) ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Interactive editor components need a short-lived context per operation; pages share the factory.
        builder.Services.AddDbContextFactory<PortalDbContext>((services, options) =>
            PortalDatabase.Configure(options, services.GetRequiredService<IOptions<DatabaseOptions>>()
                .Value.ConnectionString));
        // Readers' queries retry transient failures (a restart of the server); editors' saves do not.
        builder.Services.AddSingleton<RetryingDatabase>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
