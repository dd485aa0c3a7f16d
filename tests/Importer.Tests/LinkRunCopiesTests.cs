using ContainerNetLib.Domain.Data;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Importer.Tests;

/// <summary>link-run leaves the working pages' copies saved when it returns.</summary>
public class LinkRunCopiesTests(TestDatabase server)
{
    private static object? Handle(string path, int n) => path switch
    {
        "/article" => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", CopyPages.Article()),
        "/private" => Response(200, "OK", "Content-Type: text/html\r\n", CopyPages.NoArchiveMeta),
        "/hook" => Response(200, "OK", body: "ok"),
        _ => Response(404, "Not Found"),
    };

    [Fact]
    public async Task One_link_run_checks_the_list_and_saves_its_copies_and_a_second_adds_no_version()
    {
        // Otherwise: a cron job's link-run returns before the copies exist, and a dead link has nothing to show.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import", Cli.TempFile(
            $"# L\n\n## A\n\n* [article]({fixture.Url("/article")})\n* [private]({fixture.Url("/private")})\n" +
            $"* [gone]({fixture.Url("/gone")})\n"));

        var first = await Cli.RunWithSettingsAsync(db.ConnectionString, LinkRunTests.Settings(fixture), "link-run",
            "--json");
        var second = await Cli.RunWithSettingsAsync(db.ConnectionString, LinkRunTests.Settings(fixture), "link-run",
            "--json");

        Assert.Equal(0, first.ExitCode);
        var copies = first.Json.GetProperty("copies");
        Assert.Equal((1, 1), (copies.GetProperty("saved").GetInt32(), copies.GetProperty("refused").GetInt32()));
        Assert.Equal(1, second.Json.GetProperty("copies").GetProperty("unchanged").GetInt32());
        await using var portal = db.Open();
        var saved = await portal.SavedCopies.SingleAsync();
        Assert.Equal(1, saved.Number);
        Assert.Contains(CopyPages.ArticleWords, saved.Text);
        var refusal = await portal.CopyRefusals.SingleAsync();
        Assert.EndsWith("/private", refusal.NormalizedUrl);
    }

    [Fact]
    public async Task With_copies_switched_off_link_run_only_checks()
    {
        // Otherwise: an operator who turned the feature off still has pages fetched and stored.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        await Cli.RunAsync(db.ConnectionString, "import",
            Cli.TempFile($"# L\n\n## A\n\n* [a]({fixture.Url("/article")})\n"));
        var settings = LinkRunTests.Settings(fixture);
        settings["SavedCopies:Enabled"] = "false";

        var result = await Cli.RunWithSettingsAsync(db.ConnectionString, settings, "link-run", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, fixture.Hits("/article"));
        await using var portal = db.Open();
        Assert.Equal(0, await portal.SavedCopies.CountAsync());
    }

    [Fact]
    public async Task A_bad_saved_copy_setting_stops_link_run_with_one_line()
    {
        // Otherwise: a typo in SavedCopies:VersionsKept surfaces as a crash in the middle of the night.
        await using var fixture = new FixtureServer(Handle);
        await using var db = await server.CreateAsync();
        var settings = LinkRunTests.Settings(fixture);
        settings["SavedCopies:VersionsKept"] = "0";

        var result = await Cli.RunWithSettingsAsync(db.ConnectionString, settings, "link-run");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SavedCopies:VersionsKept 0 must be between 1 and 100", result.Error);
        Assert.Equal(0, fixture.TotalHits);
    }
}
