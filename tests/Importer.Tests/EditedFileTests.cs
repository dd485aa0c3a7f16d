using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class EditedFileTests(TestDatabase server)
{
    private static readonly string List = File.ReadAllText(RepoRoot.FixedList);

    [Fact]
    public async Task An_edited_file_updates_adds_and_removes_only_what_changed()
    {
        // Otherwise: one edited bullet rewrites the whole list, and "recently added" fills with old entries.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.FixedList);
        var untouchedBefore = await db.ScalarAsync<string>(
            "select id || ':' || xmin::text || ':' || updated_at::text from entries where title = 'Network namespaces'");

        var edited = List
            .Replace("YouTube presentation by", "Conference talk by")
            .Replace("* [Intro to tcpdump](https://forum.ivorde.com/tcpdump-how-to-to-capture-only-icmp-ping-echo-requests-t15191.html)\n", "")
            .Replace("  * [Paket flow in netfilter and general networking](http://inai.de/images/nf-packet-flow.png)\n",
                     "  * [Paket flow in netfilter and general networking](http://inai.de/images/nf-packet-flow.png)\n  * 2024-01-02: [eBPF networking](https://example.org/ebpf) by [Jane Doe](https://example.org/jane)\n");
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(edited), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, result.Count("added"));
        Assert.Equal(1, result.Count("changed"));
        Assert.Equal(1, result.Count("removed"));
        Assert.Equal(102 - 2, result.Count("unchanged"));
        Assert.Equal(untouchedBefore, await db.ScalarAsync<string>(
            "select id || ':' || xmin::text || ':' || updated_at::text from entries where title = 'Network namespaces'"));
        Assert.Equal("Conference talk", await db.ScalarAsync<string>(
            "select description from entries where title = 'Deep Dive in Docker Overlay Networks'"));
        Assert.Equal(edited, (await Cli.RunAsync(db.ConnectionString, "export")).Out);
    }

    [Fact]
    public async Task Reordering_keeps_each_entry_and_its_creation_date()
    {
        // Otherwise: moving a bullet up would look like deleting it and adding a new one.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.FixedList);
        var id = await db.ScalarAsync<long>("select id from entries where title = 'Network namespaces'");
        var created = await db.ScalarAsync<DateTime>("select created_at from entries where id = " + id);

        const string first = "* 2017-04-03: [Container Networking Deep Dive]";
        const string last = "* 2016-04-10: [Network namespaces]";
        var lines = List.Split('\n').ToList();
        var a = lines.FindIndex(l => l.StartsWith(first, StringComparison.Ordinal));
        var b = lines.FindIndex(l => l.StartsWith(last, StringComparison.Ordinal));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(string.Join('\n', lines)), "--json");

        Assert.Equal(0, result.Count("added"));
        Assert.Equal(0, result.Count("removed"));
        Assert.Equal(2, result.Count("changed"));
        Assert.Equal(id, await db.ScalarAsync<long>("select id from entries where title = 'Network namespaces'"));
        Assert.Equal(created, await db.ScalarAsync<DateTime>("select created_at from entries where id = " + id));
        Assert.Equal(1, await db.ScalarAsync<int>("select position from entries where id = " + id));
    }

    [Fact]
    public async Task Nesting_an_entry_under_another_keeps_it_and_records_the_parent()
    {
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.FixedList);
        var id = await db.ScalarAsync<long>("select id from entries where title = 'Intro to tcpdump'");
        var edited = List.Replace("* [Intro to tcpdump]", "  * [Intro to tcpdump]");
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(edited), "--json");

        Assert.Equal(0, result.Count("added"));
        Assert.Equal(id, await db.ScalarAsync<long>("select id from entries where title = 'Intro to tcpdump'"));
        Assert.Equal("IPTables", await db.ScalarAsync<string>(
            "select p.title from entries e join entries p on p.id = e.parent_id where e.id = " + id));
        Assert.Equal(edited, (await Cli.RunAsync(db.ConnectionString, "export")).Out);
    }

    [Fact]
    public async Task Removing_a_section_removes_its_entries_and_frees_nothing_else()
    {
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.FixedList);
        var start = List.IndexOf("## Simulation and Testing", StringComparison.Ordinal);
        var end = List.IndexOf("## Network Debugging", StringComparison.Ordinal);
        var edited = List.Remove(start, end - start);
        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(edited), "--json");

        Assert.Equal(6, result.Count("sections"));
        Assert.Equal(13, result.Count("removed"));
        Assert.Equal(6L, await db.ScalarAsync<long>("select count(*) from sections"));
        Assert.Equal(edited, (await Cli.RunAsync(db.ConnectionString, "export")).Out);
    }
}
