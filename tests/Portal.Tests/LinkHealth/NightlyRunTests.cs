using ContainerNetLib.Domain.LinkHealth.Runs;
using System.Text.Json;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class NightlyRunTests(TestDatabase database)
{
    [Fact]
    public async Task A_dead_link_is_reported_broken_after_two_nights_with_a_badge_an_archive_copy_and_one_webhook_message()
    {
        // Otherwise: one bad night floods the report, or a link that stays dead is never flagged to readers and editors.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        var reader = app.Client();

        var first = await app.RunNowAsync();
        var gone = await app.StateAsync(site.Url("/gone"));
        Assert.Equal(LinkOutcome.Broken, gone.Outcome);
        Assert.Equal(1, gone.ConsecutiveFailures);
        Assert.Null(gone.BrokenSinceRunId);
        Assert.DoesNotContain("link broken", await reader.GetStringAsync("/sections/section-a"));
        Assert.DoesNotContain(site.Server.Bodies, b => b.Path == "/hook");

        var second = await app.RunNowAsync();
        gone = await app.StateAsync(site.Url("/gone"));
        Assert.Equal(second.Id, gone.BrokenSinceRunId);
        Assert.Equal(site.Url("/web/20200101000000/") + site.Url("/gone"), gone.ArchiveUrl);
        Assert.Equal(1, await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == second.Id).Select(r => r.NewlyBroken).SingleAsync()));

        // The finished run drops cached pages when PostgreSQL's notification arrives: moments, not at once.
        var page = Html.Parse(await Eventually.ReadAsync(() => reader.GetStringAsync("/sections/section-a"),
            // The second run's badge: the first run's page already shows the moved one.
            html => html.Contains("link-badge-broken", StringComparison.Ordinal),
            "section A never showed the broken link's badge"));
        var badges = page.QuerySelectorAll(".link-badge").Select(b => (b.Closest("li")!.GetAttribute("data-entry-id"), b.TextContent)).ToList();
        Assert.Equal(2, badges.Count); // the dead page, and the one that moved
        Assert.Contains(page.QuerySelectorAll("li.entry"), li => li.TextContent.Contains("Gone page") && li.QuerySelector(".link-badge-broken") is not null);
        Assert.Contains(page.QuerySelectorAll("li.entry"), li => li.TextContent.Contains("Old home") && li.QuerySelector(".link-badge-moved") is not null);

        var hook = Assert.Single(site.Server.Bodies, b => b.Path == "/hook");
        var text = JsonDocument.Parse(hook.Body).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("1 newly broken", text);
        Assert.Contains(site.Url("/gone"), text);
        Assert.Contains("https://links.example.org/link-health", text);

        await app.RunNowAsync(); // still broken: not new, no second message
        Assert.Single(site.Server.Bodies, b => b.Path == "/hook");
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Each_distinct_url_is_checked_once_per_run_and_every_result_is_stored_once()
    {
        // Otherwise: a URL listed twice is fetched twice a night, and the report counts it twice.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);

        var run = await app.RunNowAsync();

        Assert.Equal(5, run.UrlCount); // /ok (twice in the list), /ann, /gone, /moved, /titled
        Assert.Equal(3, run.ChunkCount); // chunk size 2 in this configuration
        Assert.Equal(1, site.Server.Hits("/ok"));
        Assert.Equal(5, await app.QueryAsync(db => db.CheckResults.CountAsync(r => r.RunId == run.Id)));
        Assert.NotNull(await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == run.Id).Select(r => r.FinishedAt).SingleAsync()));
        var titled = await app.StateAsync(site.Url("/titled"));
        Assert.Equal("The Real Title", titled.FetchedTitle);
        var moved = await app.StateAsync(site.Url("/moved"));
        Assert.Equal(LinkOutcome.Redirected, moved.Outcome);
        Assert.Equal(site.Url("/new-home"), moved.FinalUrl);
        // The curated title stays what the editor wrote.
        Assert.Equal("Wrong title", await app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url("/titled")).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_chunk_that_dies_half_way_resumes_without_checking_finished_links_again()
    {
        // Otherwise: a worker restarted mid-run checks everything twice, or leaves duplicate or missing results.
        await using var site = new LinkSite((path, n) =>
            path != "/gone" ? null : n == 1 ? LinkSite.NoAnswer : Response(404, "Not Found")); // the first request never gets an answer
        await using var app = await site.StartPortalAsync(database, new() { ["LinkHealth:ChunkSize"] = "100" });
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        var run = (await jobs.StartAsync(CheckScope.List, CheckTrigger.Nightly, null, CancellationToken.None))!;
        Assert.Equal(1, run.ChunkCount);

        // The process "dies" while /gone hangs: the chunk is cancelled after the other URLs finished.
        using var crash = new CancellationTokenSource();
        var attempt = jobs.CheckChunkAsync(run.Id, 0, crash.Token);
        await Eventually.TrueAsync(
            async () => await app.QueryAsync(db => db.CheckResults.CountAsync(r => r.RunId == run.Id)) >= run.UrlCount - 1,
            "the URLs other than /gone were never all checked", everyMs: 50);
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt);
        Assert.Null(await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == run.Id).Select(r => r.FinishedAt).SingleAsync()));

        await jobs.CheckChunkAsync(run.Id, 0, CancellationToken.None); // Hangfire's retry of the same job

        Assert.Equal(1, site.Server.Hits("/ok"));
        Assert.Equal(1, site.Server.Hits("/titled"));
        Assert.Equal(2, site.Server.Hits("/gone"));
        var results = await app.QueryAsync(db => db.CheckResults.Where(r => r.RunId == run.Id).Select(r => r.NormalizedUrl).ToListAsync());
        Assert.Equal(run.UrlCount, results.Count);
        Assert.Equal(results.Count, results.Distinct().Count());
        Assert.NotNull(await app.QueryAsync(db => db.CheckRuns.Where(r => r.Id == run.Id).Select(r => r.FinishedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_section_or_an_entry_can_be_checked_alone()
    {
        // Otherwise: an editor who fixed one link waits for the nightly run to see it healthy.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);

        var section = await app.RunNowAsync(CheckTrigger.Manual, "section:section-b");
        Assert.Equal(2, section.UrlCount); // /titled and /ok
        var entryId = await app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url("/gone")).Select(e => e.Id).SingleAsync());
        var entry = await app.RunNowAsync(CheckTrigger.Manual, $"entry:{entryId}");
        Assert.Equal(1, entry.UrlCount);
        Assert.Equal(0, site.Server.Hits("/moved"));

        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        Assert.Null(await jobs.StartAsync(CheckScope.Section("no-such-section"), CheckTrigger.Manual, null, CancellationToken.None));
    }

    [Fact]
    public async Task History_older_than_the_retention_is_pruned_and_the_latest_state_kept()
    {
        // Otherwise: the results table grows by the whole list every night, forever.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database, new() { ["LinkHealth:HistoryDays"] = "90" });
        var old = await app.RunNowAsync();
        var recent = await app.RunNowAsync();
        await app.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"update check_runs set started_at = now() - interval '91 days' where id = {old.Id}"));

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkCheckJobs>().PruneHistoryAsync(CancellationToken.None);

        Assert.Equal([recent.Id], await app.QueryAsync(db => db.CheckRuns.Select(r => r.Id).ToListAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.CheckResults.CountAsync(r => r.RunId == old.Id)));
        Assert.Equal(5, await app.QueryAsync(db => db.LinkStates.CountAsync()));
    }
}
