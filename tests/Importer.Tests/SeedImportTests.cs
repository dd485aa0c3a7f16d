using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class SeedImportTests(TestDatabase server)
{
    [Fact]
    public async Task Seed_import_reports_the_counts_that_the_rows_hold()
    {
        // Otherwise: the import report tells the team a number the portal does not show.
        await using var db = await server.CreateAsync();
        var result = await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7, await db.ScalarAsync<long>("select count(*) from sections"));
        Assert.Equal(102, await db.ScalarAsync<long>("select count(*) from entries"));
        Assert.Equal(25, await db.ScalarAsync<long>("select count(*) from entries where parent_id is null"));
        Assert.Equal(122, await db.ScalarAsync<long>("select count(*) from links"));
        Assert.Equal(120, await db.ScalarAsync<long>("select count(distinct normalized_url) from links"));
        Assert.Equal(45, await db.ScalarAsync<long>("select count(*) from entries where date is not null"));

        Assert.Equal(7, result.Count("sections"));
        Assert.Equal(102, result.Count("entries"));
        Assert.Equal(25, result.Count("topLevelEntries"));
        Assert.Equal(122, result.Count("links"));
        Assert.Equal(120, result.Count("distinctUrls"));
        Assert.Equal(45, result.Count("datedEntries"));
        Assert.Equal(102, result.Count("added"));
        Assert.Equal(0, result.Json.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Json_output_is_one_object_and_nothing_else()
    {
        // Otherwise: scripts that pipe the report into jq break on a progress line.
        await using var db = await server.CreateAsync();
        var result = await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed, "--json");
        Assert.StartsWith("{", result.Out);
        Assert.Single(result.Out.Trim().Split('\n'));
        foreach (var name in new[] { "sections", "entries", "topLevelEntries", "links", "distinctUrls", "datedEntries", "added", "changed", "removed", "unchanged", "warnings" })
            Assert.True(result.Json.TryGetProperty(name, out _), $"missing {name}");
    }

    [Fact]
    public async Task Reimporting_the_unchanged_seed_writes_no_row()
    {
        // Otherwise: every nightly re-import would touch every row and every "updated" date.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        var before = await db.RowVersionsAsync();

        var again = await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed, "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, again.Count("added"));
        Assert.Equal(0, again.Count("changed"));
        Assert.Equal(0, again.Count("removed"));
        Assert.Equal(102, again.Count("unchanged"));
        Assert.Equal(before, await db.RowVersionsAsync());
    }

    [Fact]
    public async Task Export_gives_back_the_seed_byte_for_byte()
    {
        // Otherwise: the Markdown the team keeps in git drifts every time it passes through the portal.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        var result = await Cli.RunAsync(db.ConnectionString, "export");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(RepoRoot.Seed), result.Out);
    }

    [Fact]
    public async Task Export_to_a_file_writes_the_list_there()
    {
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        var target = Path.Combine(Path.GetTempPath(), $"cnl-export-{Guid.NewGuid():N}.md");
        var result = await Cli.RunAsync(db.ConnectionString, "export", "--out", target);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(RepoRoot.Seed), await File.ReadAllTextAsync(target));
        File.Delete(target);
    }

    [Fact]
    public async Task Dry_run_reports_from_the_parse_and_writes_nothing()
    {
        // Otherwise: a "what would happen" check changes the live list.
        await using var db = await server.CreateAsync();
        var result = await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed, "--dry-run", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(102, result.Count("entries"));
        Assert.Equal(120, result.Count("distinctUrls"));
        Assert.Equal(102, result.Count("added"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from entries"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from sections"));
    }

    [Fact]
    public async Task Full_text_search_finds_entries_by_title_author_and_host()
    {
        // Otherwise: searching for a person or a site finds nothing although the entry is there.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        Assert.Equal("Understanding container networking", await db.ScalarAsync<string>(
            "select title from entries where search_vector @@ plainto_tsquery('simple', 'calcote')"));
        Assert.Equal("Understanding container networking", await db.ScalarAsync<string>(
            "select title from entries where search_vector @@ plainto_tsquery('simple', 'oreilly')"));
        Assert.True(await db.ScalarAsync<long>("select count(*) from entries where search_vector @@ plainto_tsquery('english', 'macvlan')") >= 2);
    }
}
