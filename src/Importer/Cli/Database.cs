using ContainerNetLib.Domain.Data;

namespace ContainerNetLib.Importer.Cli;

public static class Database
{
    public static PortalDbContext Open()
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationException(
                "ConnectionStrings__Portal is not set; run scripts/postgres.sh start and export the connection string it prints");
        }
        return PortalDatabase.Create(connectionString);
    }
}
