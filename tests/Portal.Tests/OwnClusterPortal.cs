using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests;

public static class OwnClusterPortal
{
    /// <summary>The portal (not yet started) on a cluster the test stops and starts, with the list imported.</summary>
    public static async Task<PortalApp> PortalAsync(
        this OwnCluster cluster, TestDatabase server, string markdown, string role = "web")
    {
        await using (var db = PortalDatabase.Create(cluster.ConnectionString))
        {
            await db.Database.MigrateAsync();
            await new ListImporter(db, TimeProvider.System)
                .ImportAsync(ReadingListParser.Parse(markdown), dryRun: false);
        }
        var name = $"cnl_own_{Guid.NewGuid():N}"[..30];
        return new PortalApp(new FreshDatabase(server, name, cluster.ConnectionString)) { Role = role };
    }
}
