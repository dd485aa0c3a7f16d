using System.Text;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Importer.Tests;

/// <summary>PostgreSQL stopped (a fast shutdown, as in a crash or a restart) in the middle of an import.</summary>
public class DatabaseStopTests
{
    [Fact]
    public async Task A_database_stopped_mid_import_gets_one_clear_line_changes_nothing_and_a_rerun_equals_a_clean_import()
    {
        // Otherwise: a database restart during the nightly import leaves half a list, or a re-run that differs from a clean one.
        await using var cluster = await OwnCluster.StartAsync("import");
        var cs = cluster.ConnectionString;
        Assert.Equal(0, (await Cli.RunAsync(cs, "migrate")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(cs, "import", RepoRoot.Seed)).ExitCode);
        var before = await StateAsync(cs);
        var big = Cli.TempFile(BigList(40_000));

        var import = Task.Run(() => Cli.RunAsync(cs, "import", big));
        await WaitForWritesAsync(cs, import);
        await cluster.StopAsync();
        var result = await import;

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", result.Error);
        Assert.Matches("PostgreSQL shut down|connection to PostgreSQL was lost|cannot reach PostgreSQL", result.Error);
        Assert.DoesNotContain("   at ", result.Error);

        await cluster.StartAgainAsync();
        Assert.Equal(before, await StateAsync(cs));

        Assert.Equal(0, (await Cli.RunAsync(cs, "import", big)).ExitCode);
        var rerun = await StateAsync(cs);
        var clean = new NpgsqlConnectionStringBuilder(cs) { Database = "clean" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(cs))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("create database clean", admin);
            await create.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, (await Cli.RunAsync(clean, "migrate")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(clean, "import", big)).ExitCode);
        Assert.Equal(await StateAsync(clean), rerun);
    }

    /// <summary>Waits until the import is writing rows (its COPY or INSERT is running), so the stop lands in the middle.</summary>
    private static async Task WaitForWritesAsync(string cs, Task<CliResult> import)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await Eventually.TrueAsync(async () =>
        {
            Assert.False(import.IsCompleted, "the import finished before it could be interrupted: " + (import.IsCompleted ? import.Result.Error : ""));
            await using var command = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' " +
                "and (query ilike 'copy entries%' or query ilike 'copy links%' or query ilike 'insert into entries%' or query ilike 'insert into links%')", connection);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }, "the import never started writing", TimeSpan.FromSeconds(60), everyMs: 20);
    }

    /// <summary>What a reader would see: the exported Markdown, and the row counts.</summary>
    private static async Task<string> StateAsync(string cs)
    {
        await using var db = PortalDatabase.Create(cs);
        var markdown = await ListExporter.ExportMarkdownAsync(db);
        var counts = await ListStatistics.CountAsync(db);
        return $"{counts}\n{markdown}";
    }

    private static string BigList(int entries)
    {
        var list = new StringBuilder("# Big list\n\n");
        for (var i = 0; i < entries; i++)
        {
            if (i % 500 == 0) list.Append($"\n## Section {i / 500}\n\n");
            list.Append($"* 2020-01-{i % 28 + 1:00}: [Article number {i}](https://host{i % 300}.example/posts/{i}) by [Author {i % 700}](https://people.example/{i % 700})\n");
        }
        return list.ToString();
    }
}
