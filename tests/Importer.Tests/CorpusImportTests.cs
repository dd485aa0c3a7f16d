using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class CorpusImportTests(TestDatabase server)
{
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(RepoRoot.Corpus, "*.md").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_real_list_survives_import_and_export_through_the_database(string name)
    {
        // Otherwise: a team that moves its existing awesome list into the portal loses lines of it.
        await using var db = await server.CreateAsync();
        var path = Path.Combine(RepoRoot.Corpus, name);
        var first = await Cli.RunAsync(db.ConnectionString, "import", path, "--json");
        Assert.Equal(0, first.ExitCode);
        var exported = (await Cli.RunAsync(db.ConnectionString, "export")).Out;
        Assert.Equal(await File.ReadAllTextAsync(path), exported);

        var before = await db.RowVersionsAsync();
        var again = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(exported), "--json");
        Assert.Equal(0, again.Count("added") + again.Count("changed") + again.Count("removed"));
        Assert.Equal(before, await db.RowVersionsAsync());
    }
}
