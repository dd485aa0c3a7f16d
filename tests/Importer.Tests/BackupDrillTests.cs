using System.Diagnostics;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class BackupDrillTests(TestDatabase server)
{
    [Fact]
    public async Task The_backup_drill_dumps_restores_and_finds_the_restored_list_identical()
    {
        // Otherwise: the team finds out that its backups do not restore on the day it needs one
        // (as a materialized view naming its table without a schema once made every restore fail).
        await using var db = await server.CreateAsync();
        Assert.Equal(0, (await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed)).ExitCode);
        var backups = Directory.CreateTempSubdirectory("cnl-backups-").FullName;

        var start = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Path, "scripts", "backup-drill.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Portal"] = db.ConnectionString;
        start.Environment["IMPORTER"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "ContainerNetLib.Importer.dll")}";
        start.Environment["BACKUP_DIR"] = backups;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"the drill failed: {await error}{await output}");
        Assert.Contains("drill passed", await output);
        var dump = Assert.Single(Directory.GetFiles(backups, "*.dump"));
        Assert.True(new FileInfo(dump).Length > 10_000);
        Directory.Delete(backups, recursive: true);
    }
}
