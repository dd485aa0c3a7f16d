using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class CorpusImportTests(TestDatabase server)
{
    /// <summary>The top folder's lists and those of other shapes (shapes/), as paths relative to the corpus.</summary>
    public static TheoryData<string> Files() => new(RepoRoot.EveryCorpusFile());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_real_list_survives_import_and_export_through_the_database_byte_for_byte(string name)
    {
        // Otherwise: a team that moves its existing awesome list into the portal loses lines of it, or gets it back
        // with its byte order mark dropped or its CR LF endings turned to LF, and git diff shows every line changed.
        await using var db = await server.CreateAsync();
        var path = Path.Combine(RepoRoot.Corpus, name);
        var first = await Cli.RunAsync(db.ConnectionString, "import", path, "--json");
        Assert.Equal(0, first.ExitCode);
        var exported = Path.Combine(Path.GetTempPath(), $"cnl-{Guid.NewGuid():N}.md");
        Assert.Equal(0, (await Cli.RunAsync(db.ConnectionString, "export", "--out", exported)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(exported));

        var before = await db.RowVersionsAsync();
        var again = await Cli.RunAsync(db.ConnectionString, "import", exported, "--json");
        Assert.Equal(0, again.Count("added") + again.Count("changed") + again.Count("removed"));
        Assert.Equal(before, await db.RowVersionsAsync());
    }
}
