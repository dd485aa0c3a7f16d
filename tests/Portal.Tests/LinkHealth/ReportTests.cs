using ContainerNetLib.Portal.Tests.Accounts;
using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class ReportTests(TestDatabase database)
{
    private static async Task<(LinkSite Site, PortalApp App)> TwoNightsAsync(TestDatabase database)
    {
        var site = new LinkSite();
        var app = await site.StartPortalAsync(database);
        await app.RunNowAsync();
        await app.RunNowAsync();
        return (site, app);
    }

    [Fact]
    public async Task Readers_see_the_summary_and_editors_the_full_report()
    {
        // Otherwise: readers get editor buttons that fail, or editors miss what broke overnight.
        var (site, app) = await TwoNightsAsync(database);
        await using var _ = site;
        await using var __ = app;

        var anonymous = Html.Parse(await app.Client().GetStringAsync("/link-health"));
        Assert.Contains("Links checked", anonymous.Body!.TextContent);
        Assert.Empty(anonymous.QuerySelectorAll("form[action^='/link-health/']"));
        Assert.DoesNotContain(site.Url("/gone"), anonymous.Body.InnerHtml);

        var editor = await app.SignedInAsync(Roles.Editor);
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        var newly = report.QuerySelector("#newly-broken")!.TextContent;
        Assert.Contains(site.Url("/gone"), newly);
        var broken = report.QuerySelector("#broken")!;
        Assert.Contains("Section A", broken.TextContent);
        Assert.NotNull(broken.QuerySelector("form[action='/link-health/use-url'] input[name='target'][value='archive']"));
        var moved = report.QuerySelector("#moved")!;
        Assert.Contains(site.Url("/new-home"), moved.TextContent);
        var titles = report.QuerySelector("#titles")!.TextContent;
        Assert.Contains("Wrong title", titles);
        Assert.Contains("The Real Title", titles);
        Assert.NotNull(report.QuerySelector("svg.trend-chart polyline"));
    }

    [Fact]
    public async Task Use_the_new_url_rewrites_the_entry_everywhere_readers_look()
    {
        // Otherwise: the one-click fix changes a row but the section page, feeds and export keep the old URL.
        var (site, app) = await TwoNightsAsync(database);
        await using var _ = site;
        await using var __ = app;
        var editor = await app.SignedInAsync(Roles.Editor);
        var entryId = await app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url("/moved")).Select(e => e.Id).SingleAsync());

        var response = await editor.PostFormAsync("/link-health", "/link-health/use-url", new()
        {
            ["entryId"] = entryId.ToString(), ["url"] = site.Url("/moved"), ["target"] = "final",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Updated", await editor.FollowAsync(response));
        var section = Html.Parse(await app.Client().GetStringAsync("/sections/section-a"));
        Assert.NotNull(section.QuerySelector($"a[href='{site.Url("/new-home")}']"));
        Assert.Null(section.QuerySelector($"a[href='{site.Url("/moved")}']"));
        Assert.Contains($"[Old home]({site.Url("/new-home")})", await app.QueryAsync(db => db.Entries.Where(e => e.Id == entryId).Select(e => e.Markdown).SingleAsync()));
        Assert.Equal([site.Url("/new-home")], await app.QueryAsync(db => db.Links.Where(l => l.EntryId == entryId).Select(l => l.Url).ToListAsync()));
        // ...recorded in the entry's history like any editor's change...
        var change = await app.QueryAsync(db => db.ContentChanges.SingleAsync(c => c.EntryId == entryId));
        Assert.Equal("link replaced", change.Action);
        Assert.Contains(site.Url("/moved"), change.Before);
        Assert.Contains(site.Url("/new-home"), change.After);
        // ...and the new address is checked at once, not tonight.
        Assert.Contains(await app.QueryAsync(db => db.CheckRuns.Select(r => r.Scope).ToListAsync()), scope => scope == $"entry:{entryId}");
    }

    [Fact]
    public async Task Accepting_the_fetched_title_and_the_archived_copy_change_the_entry()
    {
        var (site, app) = await TwoNightsAsync(database);
        await using var _ = site;
        await using var __ = app;
        var editor = await app.SignedInAsync(Roles.Editor);
        var titled = await app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url("/titled")).Select(e => e.Id).SingleAsync());
        var gone = await app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url("/gone")).Select(e => e.Id).SingleAsync());

        await editor.PostFormAsync("/link-health", "/link-health/accept-title", new() { ["entryId"] = titled.ToString() });
        await editor.PostFormAsync("/link-health", "/link-health/use-url", new()
        {
            ["entryId"] = gone.ToString(), ["url"] = site.Url("/gone"), ["target"] = "archive",
        });

        Assert.Equal("The Real Title", await app.QueryAsync(db => db.Entries.Where(e => e.Id == titled).Select(e => e.Title).SingleAsync()));
        Assert.Equal("title accepted", await app.QueryAsync(db => db.ContentChanges.Where(c => c.EntryId == titled).Select(c => c.Action).SingleAsync()));
        Assert.StartsWith(site.Url("/web/20200101000000/"), await app.QueryAsync(db => db.Entries.Where(e => e.Id == gone).Select(e => e.Url).SingleAsync()));
        Assert.Contains("The Real Title", await app.Client().GetStringAsync("/sections/section-b"));
    }

    [Fact]
    public async Task An_accepted_link_leaves_the_broken_list_until_its_date_and_bad_input_changes_nothing()
    {
        // Otherwise: a site behind a bot wall sits in the broken list forever, or a typo silently accepts it for good.
        var (site, app) = await TwoNightsAsync(database);
        await using var _ = site;
        await using var __ = app;
        var editor = await app.SignedInAsync(Roles.Editor);
        var url = (await app.StateAsync(site.Url("/gone"))).NormalizedUrl;

        var noReason = await editor.PostFormAsync("/link-health", "/link-health/accept", new() { ["url"] = url, ["reason"] = " ", ["until"] = "2099-01-01" });
        Assert.Contains("Say why", await editor.FollowAsync(noReason));
        var past = await editor.PostFormAsync("/link-health", "/link-health/accept", new() { ["url"] = url, ["reason"] = "bot wall", ["until"] = "2001-01-01" });
        Assert.Contains("expiry date", await editor.FollowAsync(past));
        Assert.Null((await app.StateAsync(site.Url("/gone"))).AcceptedUntil);

        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");
        await editor.PostFormAsync("/link-health", "/link-health/accept", new() { ["url"] = url, ["reason"] = "opens in a browser, bot wall", ["until"] = until });

        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        Assert.DoesNotContain(site.Url("/gone"), report.QuerySelector("#broken")!.TextContent);
        Assert.Contains("opens in a browser, bot wall", report.QuerySelector("#accepted")!.TextContent);
        // Cached reader pages are dropped when PostgreSQL's notification arrives: moments, not at once.
        await app.SectionShowsAsync(badge: false, "the accepted link still shows a broken badge");

        await editor.PostFormAsync("/link-health", "/link-health/unaccept", new() { ["url"] = url });
        await app.SectionShowsAsync(badge: true, "the link no longer accepted shows no broken badge");
    }

    [Fact]
    public async Task The_report_downloads_as_csv_json_and_markdown_for_editors_only()
    {
        var (site, app) = await TwoNightsAsync(database);
        await using var _ = site;
        await using var __ = app;
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/link-health/report.csv")).StatusCode);
        var editor = await app.SignedInAsync(Roles.Editor);

        var csv = await editor.GetAsync("/link-health/report.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("section,entry_id,entry_title,url,outcome,status,broken", lines[0]);
        Assert.Equal(6, lines.Length - 1); // one row per link of an entry: /ok twice (two entries), /ann (an author), /gone, /moved, /titled
        Assert.Contains(lines, l => l.Contains(site.Url("/gone")) && l.Contains(",Broken,404,yes,"));

        using var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json"));
        Assert.Equal(1, json.RootElement.GetProperty("figures").GetProperty("broken").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("lastRunOutcomes").GetProperty("Broken").GetInt32());
        Assert.Equal("Conclusive", json.RootElement.GetProperty("lastRun").GetProperty("verdict").GetString());
        Assert.Equal([site.Url("/gone")], json.RootElement.GetProperty("newlyBroken").EnumerateArray().Select(e => e.GetString()));

        var markdown = await editor.GetStringAsync("/link-health/report.md");
        Assert.StartsWith("# Link health", markdown);
        Assert.Contains($"- <{site.Url("/gone")}> (404) in Section A", markdown);
    }

    [Fact]
    public async Task The_hosts_view_shows_who_blocks_or_throttles_the_checker()
    {
        await using var site = new LinkSite((path, _) => path switch
        {
            "/gone" => FixtureServer.Response(403, "Forbidden", "cf-mitigated: challenge\r\n"),
            "/titled" => FixtureServer.Response(429, "Too Many Requests", "Retry-After: 0\r\n"),
            _ => null,
        });
        await using var app = await site.StartPortalAsync(database);
        await app.RunNowAsync();
        var editor = await app.SignedInAsync(Roles.Editor);

        var page = Html.Parse(await editor.GetStringAsync("/link-health/hosts"));
        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal(["127.0.0.1", "5", "1", "1", "0", "0"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(0, (await app.StateAsync(site.Url("/gone"))).ConsecutiveFailures); // blocked is not broken
    }

    [Fact]
    public async Task An_editor_starts_a_check_of_one_section_from_its_page()
    {
        // Otherwise: after fixing a section's links an editor waits a night to see them healthy.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        Assert.DoesNotContain("Check this section", await app.Client().GetStringAsync("/sections/section-b"));
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/sections/section-b", "/link-health/check", new() { ["scope"] = "section:section-b" });

        Assert.Contains("Check of section section-b started: 2 URLs", await editor.FollowAsync(response));
        var run = await app.QueryAsync(db => db.CheckRuns.SingleAsync());
        Assert.Equal(("section:section-b", CheckTrigger.Manual, 2), (run.Scope, run.Trigger, run.UrlCount));
        Assert.StartsWith("editor-", run.RequestedBy);
        var bad = await editor.PostFormAsync("/link-health", "/link-health/check", new() { ["scope"] = "section:nope" });
        Assert.Contains("does not exist", await editor.FollowAsync(bad));
    }

    [Fact]
    public async Task Runs_in_progress_say_in_words_what_they_check_and_link_to_it()
    {
        // Otherwise: the report says "entry:7 is in progress" and the editor has to work out which entry that is.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        var entryId = await app.QueryAsync(db => db.Entries.Select(e => e.Id).FirstAsync());
        await using (var db = app.Database.Open())
        {
            db.CheckRuns.AddRange(
                new CheckRun { Scope = "section:section-b", Trigger = CheckTrigger.Manual, StartedAt = DateTimeOffset.UtcNow, UrlCount = 2 },
                new CheckRun { Scope = $"entry:{entryId}", Trigger = CheckTrigger.Manual, StartedAt = DateTimeOffset.UtcNow, UrlCount = 1 },
                new CheckRun { Scope = "list", Trigger = CheckTrigger.Nightly, StartedAt = DateTimeOffset.UtcNow, UrlCount = 9 });
            await db.SaveChangesAsync();
        }
        var editor = await app.SignedInAsync(Roles.Editor);

        var notices = Html.Parse(await editor.GetStringAsync("/link-health")).QuerySelectorAll("[data-run]")
            .Select(n => (Text: System.Text.RegularExpressions.Regex.Replace(n.TextContent, @"\s+", " ").Trim(), Link: n.QuerySelector("a")?.GetAttribute("href")))
            .OrderBy(n => n.Text).ToList();

        Assert.Equal(3, notices.Count);
        Assert.StartsWith($"Checking entry {entryId} (run ", notices[0].Text);
        Assert.EndsWith("started by an editor): 0 of 1 URL checked.", notices[0].Text);
        Assert.Equal($"/entries/{entryId}", notices[0].Link);
        Assert.StartsWith("Checking section section-b (run ", notices[1].Text);
        Assert.Equal("/sections/section-b", notices[1].Link);
        Assert.StartsWith("Checking the whole list (run ", notices[2].Text);
        Assert.EndsWith("nightly): 0 of 9 URLs checked.", notices[2].Text);
    }
}
