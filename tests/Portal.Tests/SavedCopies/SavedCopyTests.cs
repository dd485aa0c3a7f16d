using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.SavedCopies;

/// <summary>Copies saved after a check, read at /entries/{id}/saved, marked on the section page.</summary>
[Collection(PortalCollection.Name)]
public class SavedCopyTests(TestDatabase database)
{
    [Fact]
    public async Task A_checked_article_has_a_copy_page_with_its_text_original_address_date_and_wayback_link()
    {
        // Otherwise: a reader whose link died has nothing to read, or reads the site's menus and cookie notice.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();
        var id = await app.EntryIdAsync(site, "/article");

        var response = await app.Client().GetAsync($"/entries/{id}/saved");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = page.QuerySelector("article.saved-copy-page")!;
        Assert.Contains(CopyPages.ArticleWords, copy.TextContent);
        Assert.Equal("Virtual Ethernet pairs", copy.QuerySelector(".saved-text h3")?.TextContent);
        foreach (var clutter in CopyPages.ClutterWords) Assert.DoesNotContain(clutter, copy.TextContent);
        Assert.NotNull(copy.QuerySelector($"a[href='{site.Url("/article")}']"));
        // The archive the settings name (LinkHealth:ArchiveBaseUrl: here the test site's own Wayback stand-in).
        Assert.NotNull(copy.QuerySelector($"a[href='{site.Url("/web/")}{site.Url("/article")}']"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Contains(today, copy.QuerySelector("time")!.TextContent);
        Assert.Contains("Ada Lovelace", copy.QuerySelector(".byline")!.TextContent);

        var section = Html.Parse(await app.Client().GetStringAsync("/sections/section-a"));
        var link = section.QuerySelector($"li[data-entry-id='{id}'] a.saved-copy")!;
        Assert.Equal($"saved copy, {today}", link.TextContent);
        Assert.Equal($"/entries/{id}/saved", link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_link_that_died_offers_read_the_saved_copy_beside_its_badge()
    {
        // Otherwise: the badge says "broken" and the reader is left at a dead end although the text is kept.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();
        await app.RunAndCopyAsync();
        await app.RunAndCopyAsync();
        var id = await app.EntryIdAsync(site, "/dies");

        var section = Html.Parse(await Eventually.ReadAsync(() => app.Client().GetStringAsync("/sections/section-a"),
            html => html.Contains("read the saved copy", StringComparison.Ordinal), "no 'read the saved copy' shown"));
        var entry = section.QuerySelector($"li[data-entry-id='{id}']")!;
        Assert.NotNull(entry.QuerySelector(".link-badge-broken"));
        Assert.Equal("read the saved copy", entry.QuerySelector("a.saved-copy-needed")!.TextContent);
        var copy = await app.Client().GetStringAsync($"/entries/{id}/saved");
        Assert.Contains("A page that will die", copy);
    }

    [Fact]
    public async Task An_entry_without_a_copy_answers_a_readable_404()
    {
        // Otherwise: a stale link to a copy shows an error page, or a blank 200 that search engines keep.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        var id = await app.EntryIdAsync(site, "/article");

        foreach (var path in new[] { $"/entries/{id}/saved", "/entries/999999/saved" })
        {
            var response = await app.Client().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("No saved copy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Injection_payloads_in_a_page_stay_inert_text_in_its_copy_under_the_usual_policy()
    {
        // Otherwise: a hostile page linked from the list runs its script on the portal's own origin.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();
        var id = await app.EntryIdAsync(site, "/evil");

        var response = await app.Client().GetAsync($"/entries/{id}/saved");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var copy = page.QuerySelector("article.saved-copy-page")!;

        Assert.Contains(CopyPages.Payload, copy.TextContent);
        Assert.Empty(copy.QuerySelectorAll("script, style, iframe, img, object, embed, link, meta, form"));
        Assert.DoesNotContain(copy.QuerySelectorAll("*"), e => e.Attributes.Any(a =>
            a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            || a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(SecurityHeaders.ReaderPolicy,
            string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Pages_that_refuse_copies_or_are_too_large_get_none_and_the_entry_says_noarchive()
    {
        // Otherwise: the portal keeps what a site asked it not to, or a giant page eats the database.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();

        foreach (var path in new[] { "/noarchive-meta", "/noarchive-header", "/huge" })
            Assert.Empty(await app.CopiesAsync(site, path));
        var reasons = await app.QueryAsync(db => db.CopyRefusals.AsNoTracking().ToDictionaryAsync(r => r.NormalizedUrl,
            r => r.Reason));
        Assert.Equal(CopyRefusalReason.NoArchive, reasons[site.Url("/noarchive-meta")]);
        Assert.Equal(CopyRefusalReason.NoArchive, reasons[site.Url("/noarchive-header")]);
        Assert.Equal(CopyRefusalReason.TooLarge, reasons[site.Url("/huge")]);
        var section = Html.Parse(await app.Client().GetStringAsync("/sections/section-a"));
        var meta = await app.EntryIdAsync(site, "/noarchive-meta");
        Assert.Contains("asks not to be archived",
            section.QuerySelector($"li[data-entry-id='{meta}'] .saved-copy-none")!.TextContent);
    }

    [Fact]
    public async Task A_page_that_changes_keeps_new_versions_up_to_versions_kept_and_unchanged_ones_add_none()
    {
        // Otherwise: every night stores the same text again, or the history grows without end.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database, new() { ["SavedCopies:VersionsKept"] = "2" });
        for (var night = 0; night < 3; night++) await app.RunAndCopyAsync();

        var changing = await app.CopiesAsync(site, "/changing");
        Assert.Equal([2, 3], changing.Select(c => c.Number));
        Assert.NotEqual(changing[0].ContentHash, changing[1].ContentHash);
        Assert.Contains("Update number", changing[1].Text);
        var article = Assert.Single(await app.CopiesAsync(site, "/article"));
        Assert.Equal(1, article.Number);
        var paper = Assert.Single(await app.CopiesAsync(site, "/paper"));
        Assert.Equal((SavedCopyKind.Pdf, "Namespaces paper"), (paper.Kind, paper.Title));
        Assert.Contains(CopyPages.PdfWords, paper.Text);
    }

    [Fact]
    public async Task The_section_page_dates_the_copy_its_link_opens_even_when_the_clock_went_back()
    {
        // Otherwise: after the server's clock is set back, the section page dates an entry's copy by an older
        // version than the one its "saved copy" link opens.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();
        var first = Assert.Single(await app.CopiesAsync(site, "/article"));
        var earlier = first.SavedAt.AddDays(-3);
        await app.QueryAsync(async db =>
        {
            db.SavedCopies.Add(new SavedCopy
            {
                NormalizedUrl = first.NormalizedUrl, Number = 2, SavedAt = earlier, Url = first.Url,
                FinalUrl = first.FinalUrl, Host = first.Host, Text = "The second version's words", ContentHash = "2",
            });
            return await db.SaveChangesAsync();
        });
        var id = await app.EntryIdAsync(site, "/article");

        var copy = Html.Parse(await app.Client().GetStringAsync($"/entries/{id}/saved"));
        var section = Html.Parse(await app.Client().GetStringAsync("/sections/section-a"));

        Assert.Contains("The second version's words", copy.QuerySelector("article.saved-copy-page")!.TextContent);
        var day = earlier.UtcDateTime.ToString("yyyy-MM-dd");
        Assert.Contains(day, copy.QuerySelector("article.saved-copy-page time")!.TextContent);
        Assert.Equal($"saved copy, {day}",
            section.QuerySelector($"li[data-entry-id='{id}'] a.saved-copy")!.TextContent);
    }

    [Fact]
    public async Task The_pruning_job_trims_every_url_to_versions_kept()
    {
        // Otherwise: lowering SavedCopies:VersionsKept leaves the old versions in the database for ever.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database, new() { ["SavedCopies:VersionsKept"] = "2" });
        await app.RunAndCopyAsync();
        var first = Assert.Single(await app.CopiesAsync(site, "/article"));
        await app.QueryAsync(async db =>
        {
            for (var v = 2; v <= 4; v++)
                db.SavedCopies.Add(new SavedCopy
                {
                    NormalizedUrl = first.NormalizedUrl, Number = v, SavedAt = first.SavedAt.AddDays(v),
                    Url = first.Url, FinalUrl = first.FinalUrl, Host = first.Host, Text = $"Version {v}", ContentHash = $"{v}",
                });
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SavedCopyJobs>().PruneAsync(CancellationToken.None);

        Assert.Equal([3, 4], (await app.CopiesAsync(site, "/article")).Select(c => c.Number));
    }

    [Fact]
    public async Task The_report_counts_copies_and_storage_and_editors_switch_a_host_off_and_on()
    {
        // Otherwise: nobody knows what the copies cost, and a site that objects cannot be left alone.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database);
        await app.RunAndCopyAsync();
        var editor = await app.SignedInAsync(Roles.Editor);

        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        var figure = report.QuerySelector("[data-saved-copies]")!.TextContent;
        Assert.Contains("5 of 8 links have a saved copy", figure);
        Assert.Matches(@"\d+(\.\d)? (KB|MB) stored", figure);

        var bad = await editor.PostFormAsync("/link-health", "/link-health/copies/off",
            new() { ["host"] = "not a host!" });
        Assert.Contains("is not a host name", await editor.FollowAsync(bad));
        Assert.Equal(5, await app.QueryAsync(db => db.SavedCopies.CountAsync()));

        var off = await editor.PostFormAsync("/link-health", "/link-health/copies/off",
            new() { ["host"] = site.Url("/x") });
        Assert.Contains("Copies switched off for 127.0.0.1", await editor.FollowAsync(off));
        Assert.Equal(0, await app.QueryAsync(db => db.SavedCopies.CountAsync()));
        await app.RunAndCopyAsync();
        Assert.Equal(0, await app.QueryAsync(db => db.SavedCopies.CountAsync()));
        Assert.NotNull(Html.Parse(await editor.GetStringAsync("/link-health"))
            .QuerySelector("[data-copies-off='127.0.0.1']"));

        await editor.PostFormAsync("/link-health", "/link-health/copies/on", new() { ["host"] = "127.0.0.1" });
        await app.RunAndCopyAsync();
        // The page that died meanwhile has nothing left to copy.
        Assert.Equal(4, await app.QueryAsync(db =>
            db.SavedCopies.Select(c => c.NormalizedUrl).Distinct().CountAsync()));
    }

    [Fact]
    public async Task With_saved_copies_disabled_nothing_is_fetched_for_copies_and_no_copy_is_shown()
    {
        // Otherwise: an operator who switched the feature off still has pages fetched and shown.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database, new() { ["SavedCopies:Enabled"] = "false" });
        await app.RunAndCopyAsync();

        Assert.Equal(1, site.Server.Hits("/article"));
        Assert.Equal(0, await app.QueryAsync(db => db.SavedCopies.CountAsync()));
        var id = await app.EntryIdAsync(site, "/article");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/entries/{id}/saved")).StatusCode);
        Assert.DoesNotContain("saved-copy", await app.Client().GetStringAsync("/sections/section-a"));
    }

    [Fact]
    public async Task A_nightly_run_through_the_job_server_leaves_the_copies_saved()
    {
        // Otherwise: the copy jobs are never queued, or queued and never run, and only tests see copies.
        await using var site = CopySite.Create();
        await using var app = await CopySite.StartAsync(site, database, role: "all");
        app.Client();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Features.LinkHealth.Jobs.LinkCheckJobs>()
                .StartNightlyAsync(CancellationToken.None);

        try
        {
            await Eventually.TrueAsync(async () => (await app.CopiesAsync(site, "/article")).Count == 1,
                "the nightly run's copy of /article never appeared", TimeSpan.FromSeconds(90));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var monitor = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
            var failed = monitor.FailedJobs(0, 20)
                .Select(j => $"{j.Value.Job?.Method.Name}: {j.Value.ExceptionMessage}");
            var stats = monitor.GetStatistics();
            // A job that threw waits for its retry in the scheduled set, with the exception in its history.
            var retrying = monitor.ScheduledJobs(0, 20).Select(j => j.Key).Select(id =>
                $"{monitor.JobDetails(id)?.Job?.Method.Name}: " +
                monitor.JobDetails(id)?.History.FirstOrDefault(h => h.Data.ContainsKey("ExceptionMessage"))
                    ?.Data["ExceptionMessage"]);
            throw new Xunit.Sdk.XunitException($"{e.Message}; jobs enqueued {stats.Enqueued}, processing " +
                $"{stats.Processing}, succeeded {stats.Succeeded}, failed: {string.Join("; ", failed)}; " +
                $"retrying: {string.Join("; ", retrying)}; queues " +
                string.Join(",", monitor.Queues().Select(q => $"{q.Name}:{q.Length}")) + " enabled " +
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<
                    ContainerNetLib.Domain.SavedCopies.SavedCopyOptions>>().Value.Enabled +
                $" client {app.Services.GetRequiredService<Hangfire.IBackgroundJobClient>().GetType().Name}; done: " +
                string.Join(", ", monitor.SucceededJobs(0, 20).Select(j => $"{j.Value.Job?.Method.Name}" +
                    $"({string.Join(",", j.Value.Job?.Args ?? [])})")) +
                $"; copies: {string.Join(", ", await app.QueryAsync(db => db.SavedCopies.Select(c => c.Url)
                    .ToListAsync()))}; runs: {string.Join(", ", await app.QueryAsync(db => db.CheckRuns
                    .Select(r => $"{r.Id} {r.Trigger} {r.UrlCount} urls {r.ChunkCount} chunks").ToListAsync()))}");
        }
    }
}
