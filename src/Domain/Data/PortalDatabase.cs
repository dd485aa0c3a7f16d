using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace ContainerNetLib.Domain.Data;

/// <summary>How the Portal and the Importer connect: one place for the provider options.</summary>
public static class PortalDatabase
{
    /// <summary>The configuration key; as an environment variable, <c>ConnectionStrings__Portal</c>.</summary>
    public const string ConnectionStringName = "Portal";

    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options, string connectionString,
        Action<NpgsqlDbContextOptionsBuilder>? provider = null) =>
        options
            .UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                provider?.Invoke(npgsql);
            })
            .UseSnakeCaseNamingConvention();


    public static PortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        Configure(options, connectionString);
        return new PortalDbContext(options.Options);
    }
}
