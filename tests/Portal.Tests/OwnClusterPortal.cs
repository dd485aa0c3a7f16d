using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests;

public static class OwnClusterPortal
{
    /// <summary>The portal on a cluster of the test's own (which the test stops and starts), with the list imported.</summary>
    public static async Task<PortalApp> PortalAsync(this OwnCluster cluster, TestDatabase server, string markdown, string role = "web")
    {
        await using (var db = PortalDatabase.Create(cluster.ConnectionString))
        {
            await db.Database.MigrateAsync();
            await new ListImporter(db, TimeProvider.System).ImportAsync(ReadingListParser.Parse(markdown), dryRun: false);
        }
        return new PortalApp(new FreshDatabase(server, $"cnl_own_{Guid.NewGuid():N}"[..30], cluster.ConnectionString)) { Role = role };
    }
}
