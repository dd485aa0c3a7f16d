using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ContainerNetLib.Importer.Tests;

/// <summary>The address rule held by the database: rows stored before it are mended, and no way in can break it.
/// </summary>
public class EntryAddressMigrationTests(TestDatabase server)
{
    [Fact]
    public async Task An_address_stored_before_the_rule_is_dropped_and_the_database_refuses_a_new_one()
    {
        // Otherwise: an entry imported with a javascript: address last year is still handed out by the API.
        await using var db = await server.CreateAsync();
        var seed = await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        Assert.Equal(0, seed.ExitCode);
        await using (var context = db.Open())
            await context.GetService<IMigrator>().MigrateAsync("20261130034127_PageSearchAndDrifts");
        await db.ExecuteAsync("""
            update entries set url = 'javascript:alert(1)', normalized_url = 'javascript:alert(1)'
            where id = (select min(id) from entries where url is not null);
            update links set url = 'data:text/html,x' where id = (select min(id) from links);
            """);

        await using (var context = db.Open()) await context.Database.MigrateAsync();

        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from entries where url not like 'http%'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from links where url not like 'http%'"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.ExecuteAsync("update entries set url = 'vbscript:x' where id = (select min(id) from entries)"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }
}
