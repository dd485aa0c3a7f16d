using System.Text;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class BulkImportTests(TestDatabase server)
{
    private const string SchemaSql = """
        select string_agg(conname || ' ' || pg_get_constraintdef(oid), E'\n' order by conname) from pg_constraint where contype = 'f'
        union all
        select string_agg(indexdef, E'\n' order by indexname) from pg_indexes where schemaname = 'public'
        """;

    private static string LargeList(int sections, int perSection, string host = "bulk.example")
    {
        var text = new StringBuilder();
        for (var s = 0; s < sections; s++)
        {
            text.Append($"# Section {s}\n\n");
            for (var i = 0; i < perSection; i++)
                text.Append($"* 2020-01-02: [Entry {s}-{i}](https://{host}/{s}/{i}) by [A B](https://a.example/{i})\n{(i % 4 == 0 ? $"  * [child](https://c.example/{s}/{i})\n" : "")}");
            text.Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public async Task A_bulk_import_leaves_the_schema_exactly_as_the_migrations_made_it()
    {
        // Otherwise: after the first big import, search has no index or deleting an entry orphans its links.
        await using var db = await server.CreateAsync();
        var schemaBefore = await db.ScalarAsync<string>($"select string_agg(s, E'\\n') from ({SchemaSql}) as t(s)");
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(LargeList(3, 2000)), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Count("entries") >= 6000);
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>($"select string_agg(s, E'\\n') from ({SchemaSql}) as t(s)"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from links l left join entries e on e.id = l.entry_id where e.id is null"));
    }

    [Fact]
    public async Task Removing_a_bulk_imported_section_cascades_to_its_entries_and_links()
    {
        await using var db = await server.CreateAsync();
        var list = LargeList(3, 2000);
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(list));
        var withoutFirst = list[list.IndexOf("# Section 1", StringComparison.Ordinal)..];
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(withoutFirst), "--json");

        Assert.Equal(2500, result.Count("removed"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from links where url like 'https://bulk.example/0/%'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from links l left join entries e on e.id = l.entry_id where e.id is null"));
    }

    [Fact]
    public async Task A_failed_bulk_import_restores_everything()
    {
        // The index and keys are dropped during a bulk load: a failure must bring them back with the data.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        var before = await db.RowVersionsAsync();
        var schemaBefore = await db.ScalarAsync<string>($"select string_agg(s, E'\\n') from ({SchemaSql}) as t(s)");
        await db.ExecuteAsync("""
            create function fail_on_marker() returns trigger language plpgsql as
            $$ begin if new.url like '%/1/1999' then raise exception 'simulated failure'; end if; return new; end $$;
            create trigger fail_on_marker before insert on links for each row execute function fail_on_marker();
            """);

        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(LargeList(3, 2000)));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(before, await db.RowVersionsAsync());
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>($"select string_agg(s, E'\\n') from ({SchemaSql}) as t(s)"));
    }

    [Fact]
    public async Task Changing_only_a_reference_definition_updates_the_entries_that_use_it()
    {
        // Otherwise: a corrected link target in the file never reaches the portal, because the bullet text is the same.
        await using var db = await server.CreateAsync();
        const string list = "# S\n\n* [Cheat sheet](https://c.example/) by [W Sargent][ws]\n* [Other](https://o.example/)\n\n[ws]: https://old.example/ws\n";
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(list));
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(list.Replace("old.example", "new.example")), "--json");

        Assert.Equal(1, result.Count("changed"));
        Assert.Equal(0, result.Count("added"));
        Assert.Equal("https://new.example/ws", await db.ScalarAsync<string>("select url from links where text = 'W Sargent'"));
        Assert.Equal("https://new.example/ws", await db.ScalarAsync<string>("select authors -> 0 ->> 'url' from entries where title = 'Cheat sheet'"));
    }
}
