using ContainerNetLib.Domain.Data;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContainerNetLib.Importer.Tests;

/// <summary>The Data Protection keys stored before the framework's own store took over are the ones it reads.
/// </summary>
public class DataProtectionKeyMigrationTests(TestDatabase server)
{
    [Fact]
    public async Task A_key_stored_before_the_upgrade_is_read_by_the_frameworks_store_after_it()
    {
        // Otherwise: upgrading signs every editor out and spoils every antiforgery token and one-time cookie in
        // flight, because the keys that signed them are no longer found.
        await using var db = await server.CreateAsync();
        await using (var context = db.Open())
            await context.GetService<IMigrator>().MigrateAsync("20261207130907_SignInFailuresPerAddress");
        const string key = "<key id=\"6b1f0c1e-4d7a-4a57-9d0c-2f2b8f0a9e11\" version=\"1\"><creationDate>" +
            "2026-12-01T00:00:00Z</creationDate></key>";
        await db.ExecuteAsync(
            $"insert into data_protection_keys (friendly_name, xml) values ('key-6b1f0c1e', '{key}')");

        await using (var context = db.Open()) await context.Database.MigrateAsync();
        var services = new ServiceCollection().AddScoped(_ => db.Open()).BuildServiceProvider();
        var stored = new EntityFrameworkCoreXmlRepository<PortalDbContext>(services, NullLoggerFactory.Instance)
            .GetAllElements();

        Assert.Equal(key, Assert.Single(stored).ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
    }
}
