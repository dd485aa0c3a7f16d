using System.Diagnostics.Metrics;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.Telemetry;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Importer.Tests;

public class FailureTests(TestDatabase server)
{
    [Fact]
    public async Task A_failure_half_way_leaves_the_database_exactly_as_it_was()
    {
        // Otherwise: a crash during import leaves half a list on the portal.
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", RepoRoot.Seed);
        var before = await db.RowVersionsAsync();
        // The links are written after the entries: failing there proves the entries roll back too.
        await db.ExecuteAsync("""
            create function fail_on_marker() returns trigger language plpgsql as
            $$ begin if new.url like '%fail-here%' then raise exception 'simulated failure'; end if; return new; end $$;
            create trigger fail_on_marker before insert on links for each row execute function fail_on_marker();
            """);
        var edited = File.ReadAllText(RepoRoot.Seed).Replace("## Overview\n\n", "## Overview\n\n* [New](https://example.org/new)\n* [Boom](https://example.org/fail-here)\n");

        var result = await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(edited));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("simulated failure", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(before, await db.RowVersionsAsync());
    }

    [Fact]
    public async Task A_failed_import_is_counted_as_failed_in_the_metrics()
    {
        // Otherwise: a dashboard shows imports stopping but never says they fail.
        await using var db = await server.CreateAsync();
        var failed = 0;
        // Other tests import at the same time: only this test's own flow is counted.
        var mine = new AsyncLocal<bool> { Value = true };
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: "cnl.imports", Meter.Name: PortalMetrics.MeterName }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (mine.Value && tag is { Key: "result", Value: "failed" }) Interlocked.Increment(ref failed);
        });
        listener.Start();
        await using var context = db.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ListImporter(context, TimeProvider.System)
            .ImportAsync(() => throw new InvalidOperationException("the parser crashed"), dryRun: false));

        Assert.Equal(1, failed);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "missing", "does not exist" },
        { "directory", "is a directory" },
        { "empty", "is empty" },
        { "blank", "only white space" },
        { "binary", "line 1: U+0000 (NUL) at column 5" },
        { "latin1", "not UTF-8" },
        { "huge", "the limit is 50 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_input_gets_one_clear_line_and_imports_nothing(string kind, string expected)
    {
        // Otherwise: a wrong file name produces a stack trace or, worse, a partial import.
        await using var db = await server.CreateAsync();
        var path = kind switch
        {
            "missing" => Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid() + ".md"),
            "directory" => Directory.CreateTempSubdirectory().FullName,
            "empty" => Cli.TempFile(""),
            "blank" => Cli.TempFile("  \n\n\t\n"),
            _ => Path.Combine(Path.GetTempPath(), $"cnl-{kind}-{Guid.NewGuid():N}.md"),
        };
        if (kind == "binary") await File.WriteAllBytesAsync(path, [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]);
        if (kind == "latin1") await File.WriteAllBytesAsync(path, [.. "# Caf"u8, 0xe9, (byte)'\n']);
        if (kind == "huge")
        {
            await using var stream = File.Create(path);
            stream.SetLength(51L * 1024 * 1024);
        }

        var result = await Cli.RunAsync(db.ConnectionString, "import", path, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal("", result.Out);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from entries"));
        if (kind == "huge") File.Delete(path);
    }

    [Fact]
    public async Task Unreachable_database_gets_one_clear_line()
    {
        // Port 1 on loopback: nothing listens there, and nothing leaves the machine.
        var result = await Cli.RunAsync("Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=3", "import", RepoRoot.Seed);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: cannot reach PostgreSQL", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Wrong_password_gets_one_clear_line()
    {
        await using var db = await server.CreateAsync();
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = "not-the-password" }.ConnectionString;
        var result = await Cli.RunAsync(wrong, "import", RepoRoot.Seed);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("refused the password", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Missing_connection_string_says_how_to_get_one()
    {
        var result = await Cli.RunAsync(null, "import", RepoRoot.Seed);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scripts/postgres.sh start", result.Error);
    }

    [Fact]
    public async Task Unknown_command_and_options_are_refused_with_usage()
    {
        var unknown = await Cli.RunAsync(null, "imprt", RepoRoot.Seed);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown command 'imprt'", unknown.Error);
        var option = await Cli.RunAsync(null, "import", RepoRoot.Seed, "--jsn");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("unknown option '--jsn'", option.Error);
    }
}
