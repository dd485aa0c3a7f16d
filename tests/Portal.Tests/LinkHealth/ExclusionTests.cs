using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.LinkHealth;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class ExclusionTests(TestDatabase database)
{
    /// <summary>Every name is 127.0.0.1, where the site listens: vendor.test, docs.vendor.test are hosts too.</summary>
    private sealed class Loopback : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            Task.FromResult(new[] { IPAddress.Loopback });
    }

    private static string List(LinkSite site) => $"""
        # Test list

        ## Section A

        * [Kept]({site.Url("/ok")})
        * [One page]({site.Url("/excluded-url/")})
        * [Vendor](http://vendor.test:{site.Server.Port}/vendor-page)
        * [Vendor docs](http://docs.vendor.test:{site.Server.Port}/vendor-docs)
        * [Old page]({site.Url("/old/page")})
        * [Older]({site.Url("/older")})
        * [Expired]({site.Url("/expired")})

        """;

    private static async Task<PortalApp> StartAsync(
        TestDatabase database, LinkSite site, Dictionary<string, string?>? more = null)
    {
        var app = await PortalApp.StartAsync(database, importSeed: false, site.Settings(more),
            services: s => s.AddSingleton<IHostResolver>(new Loopback()));
        await app.ImportAsync(List(site));
        return app;
    }

    private static Task<HttpResponseMessage> AddRuleAsync(
        HttpClient editor, string kind, string value, string reason, string expires = "") =>
        editor.PostFormAsync("/link-health", "/link-health/exclusions", new()
        {
            ["kind"] = kind, ["value"] = value, ["reason"] = reason, ["expires"] = expires,
        });

    private static Task<HttpResponseMessage> RemoveRuleAsync(HttpClient editor, long id) =>
        editor.PostFormAsync("/link-health", "/link-health/exclusions/remove", new() { ["id"] = id.ToString() });

    private static Task<Dictionary<string, CheckResult>> ResultsAsync(PortalApp app, long runId) =>
        app.QueryAsync(db => db.CheckResults.AsNoTracking().Where(r => r.RunId == runId)
            .ToDictionaryAsync(r => new Uri(r.Url).AbsolutePath));

    [Fact]
    public async Task Links_excluded_by_url_host_or_prefix_are_skipped_naming_the_rule_and_never_dialled()
    {
        // Otherwise: a vendor that bans bots keeps banning the checker, or an excluded link still turns up broken.
        await using var site = new LinkSite();
        await using var app = await StartAsync(database, site);
        var editor = await app.SignedInAsync(Roles.Editor);

        var spelledOddly = $"HTTP://127.0.0.1:{site.Server.Port}/excluded-url?utm_source=feed";
        var added = await AddRuleAsync(editor, "url", spelledOddly, "moved behind a login");
        Assert.StartsWith("Excluded", await editor.FollowAsync(added));
        await AddRuleAsync(editor, "host", "*.Vendor.test", "vendor blocks bots");
        await AddRuleAsync(editor, "prefix", site.Url("/old/"), "archived section of the site");
        await using (var db = app.Database.Open())
        {
            // Added a while ago with an expiry now past: it no longer applies.
            db.LinkExclusions.Add(new LinkExclusion
            {
                Kind = ExclusionKind.Url, Value = site.Url("/expired"), Reason = "until the fix", CreatedBy = "ann",
                Expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
            });
            await db.SaveChangesAsync();
        }

        var run = await app.RunNowAsync();

        foreach (var path in new[] { "/excluded-url/", "/excluded-url", "/vendor-page", "/vendor-docs", "/old/page" })
            Assert.True(site.Server.Hits(path) == 0, $"{path} was dialled although excluded");
        foreach (var path in new[] { "/ok", "/older", "/expired" })
            Assert.True(site.Server.Hits(path) > 0, $"{path} was not dialled");
        var results = await ResultsAsync(app, run.Id);
        Assert.Equal(7, results.Count);
        Assert.NotNull(await app.QueryAsync(db =>
            db.CheckRuns.Where(r => r.Id == run.Id).Select(r => r.FinishedAt).SingleAsync()));
        Assert.Equal((LinkOutcome.Skipped, $"excluded by rule: url {site.Url("/excluded-url")} — moved behind a login"),
            (results["/excluded-url/"].Outcome, results["/excluded-url/"].Error));
        Assert.Equal("excluded by rule: host *.vendor.test — vendor blocks bots", results["/vendor-docs"].Error);
        Assert.Equal("excluded by rule: host *.vendor.test — vendor blocks bots", results["/vendor-page"].Error);
        Assert.Equal($"excluded by rule: prefix {site.Url("/old/")} — archived section of the site",
            results["/old/page"].Error);
        Assert.Equal(LinkOutcome.Broken, results["/older"].Outcome); // "/old/" is a folder: "/older" is not in it
        Assert.Equal(LinkOutcome.Broken, results["/expired"].Outcome);

        var report = Html.Parse(await editor.GetStringAsync("/link-health")).QuerySelector("#exclusions")!;
        var rules = report.QuerySelectorAll(".exclusion-rules li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, rules.Count);
        Assert.Contains(rules, r =>
            r.Contains("*.vendor.test") && r.Contains("vendor blocks bots") && r.Contains("added by editor-"));
        Assert.Contains(rules, r => r.Contains("until the fix") && r.Contains("expired"));
        var excluded = report.QuerySelectorAll(".excluded-links li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, excluded.Count);
        Assert.All(excluded, l => Assert.Contains("Skipped", l));
        Assert.Contains(excluded, l =>
            l.Contains("vendor-docs") && l.Contains("excluded by rule: host *.vendor.test — vendor blocks bots"));
    }

    [Fact]
    public async Task The_downloads_name_the_rule_beside_each_excluded_link()
    {
        // Otherwise: a spreadsheet of the report shows "Skipped" links and nobody can tell why.
        await using var site = new LinkSite();
        await using var app = await StartAsync(database, site);
        var editor = await app.SignedInAsync(Roles.Editor);
        await AddRuleAsync(editor, "host", "*.vendor.test", "vendor blocks bots");
        await app.RunNowAsync();
        const string rule = "host *.vendor.test — vendor blocks bots";

        var csv = (await editor.GetStringAsync("/link-health/report.csv"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",excluded_by,last_push", csv[0]);
        var vendor = Assert.Single(csv, l => l.Contains("/vendor-page"));
        Assert.Contains(",Skipped,", vendor);
        Assert.Contains($",excluded by rule: {rule},", vendor); // the error column: what the run recorded
        Assert.EndsWith($",{rule},", vendor); // excluded_by: the rule in force now (last_push empty after it)
        Assert.EndsWith(",", Assert.Single(csv, l => l.Contains("/older")));

        using var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json"));
        var link = json.RootElement.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("url").GetString()!.EndsWith("/vendor-docs", StringComparison.Ordinal));
        Assert.Equal(rule, link.GetProperty("excludedBy").GetString());
        Assert.Equal("Skipped", link.GetProperty("outcome").GetString());
        var stored = Assert.Single(json.RootElement.GetProperty("exclusions").EnumerateArray());
        Assert.Equal("Host", stored.GetProperty("kind").GetString());
        Assert.Equal("*.vendor.test", stored.GetProperty("value").GetString());

        var markdown = await editor.GetStringAsync("/link-health/report.md");
        Assert.Contains(
            $"- <http://vendor.test:{site.Server.Port}/vendor-page> in Section A: excluded by rule: {rule}", markdown);
        Assert.Contains($"- {rule} (added by editor-", markdown);
    }

    [Fact]
    public async Task Configured_rules_exclude_too_are_shown_read_only_and_an_expired_one_lets_the_link_be_dialled()
    {
        // Otherwise: an operator's rule is ignored, editors try to delete it, or a lapsed rule keeps a link unchecked.
        await using var site = new LinkSite();
        await using var app = await StartAsync(database, site, new()
        {
            ["LinkHealth:Exclude:0:Prefix"] = site.Url("/old/"),
            ["LinkHealth:Exclude:0:Reason"] = "archived section of the site",
            ["LinkHealth:Exclude:1:Host"] = "docs.vendor.test",
            ["LinkHealth:Exclude:1:Reason"] = "docs behind a login",
            ["LinkHealth:Exclude:1:Expires"] = "2099-12-31",
            ["LinkHealth:Exclude:2:Url"] = site.Url("/expired"),
            ["LinkHealth:Exclude:2:Reason"] = "until the fix",
            ["LinkHealth:Exclude:2:Expires"] = "2001-01-01",
        });

        var run = await app.RunNowAsync();

        Assert.Equal(0, site.Server.Hits("/old/page") + site.Server.Hits("/vendor-docs"));
        Assert.True(site.Server.Hits("/expired") > 0, "the link of a lapsed configured rule was not dialled");
        Assert.True(site.Server.Hits("/vendor-page") > 0, "a host rule for docs.vendor.test also silenced vendor.test");
        var results = await ResultsAsync(app, run.Id);
        Assert.Equal("excluded by rule: host docs.vendor.test — docs behind a login", results["/vendor-docs"].Error);
        Assert.Equal(LinkOutcome.Broken, results["/expired"].Outcome);

        var editor = await app.SignedInAsync(Roles.Editor);
        var rules = Html.Parse(await editor.GetStringAsync("/link-health"))
            .QuerySelectorAll(".exclusion-rules li").ToList();
        Assert.Equal(3, rules.Count);
        Assert.All(rules, r => Assert.Contains("from configuration", r.TextContent));
        Assert.All(rules, r => Assert.Null(r.QuerySelector("form")));
        Assert.Contains("until 2099-12-31", rules[1].TextContent);
        Assert.Contains("expired 2001-01-01", rules[2].TextContent);
    }

    [Fact]
    public async Task Adding_and_removing_a_rule_is_in_the_history_and_moves_the_reader_badge_at_once()
    {
        // Otherwise: rules change silently, or readers see "link broken" beside a link the editors chose not to check.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        await app.RunNowAsync();
        await app.RunNowAsync();
        await app.SectionShowsAsync(badge: true, "the dead link shows no badge before any rule");
        var editor = await app.SignedInAsync(Roles.Editor);

        const string reason = "publisher took it down, kept for the record";
        await AddRuleAsync(editor, "url", site.Url("/gone"), reason, "2099-01-31");

        await app.SectionShowsAsync(badge: false, "the excluded link still shows a broken badge");
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        Assert.DoesNotContain(site.Url("/gone"), report.QuerySelector("#broken")!.TextContent);
        using (var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json")))
            Assert.All(json.RootElement.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("url").GetString() == site.Url("/gone")),
                l => Assert.False(l.GetProperty("countsAsBroken").GetBoolean()));
        var id = await app.QueryAsync(db => db.LinkExclusions.Select(e => e.Id).SingleAsync());

        var removed = await RemoveRuleAsync(editor, id);

        Assert.StartsWith("Rule removed", await editor.FollowAsync(removed));
        await app.SectionShowsAsync(badge: true, "the link checked again shows no broken badge");
        Assert.Empty(await app.QueryAsync(db => db.LinkExclusions.ToListAsync()));
        var changes = await app.QueryAsync(db => db.ContentChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["exclusion added", "exclusion removed"], changes.Select(c => c.Action));
        Assert.All(changes, c =>
            Assert.Equal((ChangeSubject.Exclusion, (long?)null, (int?)null), (c.Subject, c.EntryId, c.SectionId)));
        Assert.StartsWith("editor-", changes[0].UserName);
        Assert.Null(changes[0].Before);
        Assert.Equal(new ExclusionSnapshot(ExclusionKind.Url, site.Url("/gone"), reason, new(2099, 1, 31)),
            SnapshotJson.Read<ExclusionSnapshot>(changes[0].After));
        Assert.Equal(changes[0].After, changes[1].Before);
        Assert.Null(changes[1].After);

        var history = Html.Parse(await editor.GetStringAsync("/admin/history")).QuerySelectorAll(".history-item")
            .Select(i => i.TextContent).ToList();
        var rule = $"url {site.Url("/gone")} — {reason}, until 2099-01-31";
        Assert.Contains(history, h =>
            h.Contains($"Excluded from link checks: {rule}") && h.Contains("Open the exclusion rules"));
        Assert.Contains(history, h => h.Contains($"Checked again from now on: {rule}"));
        var again = await RemoveRuleAsync(editor, id);
        Assert.Contains("removed already", await editor.FollowAsync(again));
    }

    [Theory]
    [InlineData("url", "example.org/docs", "vendor", "", "'example.org/docs' is not an http(s) URL")]
    [InlineData("prefix", "docs/", "vendor", "", "'docs/' is not an http(s) URL")]
    [InlineData("host", "https://example.org/", "vendor", "", "is not a host name")]
    [InlineData("host", "example.org", "   ", "", "Say why the link is excluded")]
    [InlineData("host", "example.org", "vendor", "2001-01-01", "The expiry 2001-01-01 is in the past")]
    [InlineData("nothing", "example.org", "vendor", "", "Choose what to exclude")]
    public async Task A_refused_rule_says_why_on_the_report_and_keeps_every_field_as_typed(
        string kind, string value, string reason, string expires, string expected)
    {
        // Otherwise: an editor's typo is saved as a rule that matches nothing, or the form comes back empty.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await AddRuleAsync(editor, kind, value, reason, expires);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = Html.Parse(await editor.GetStringAsync(response.Headers.Location!.OriginalString))
            .QuerySelector("#exclusion-form")!;
        Assert.Contains(expected, form.QuerySelector("[role='alert']")!.TextContent);
        Assert.Equal(value, form.QuerySelector("input[name='value']")!.GetAttribute("value"));
        Assert.Equal(reason, form.QuerySelector("input[name='reason']")!.GetAttribute("value"));
        Assert.Equal(expires, form.QuerySelector("input[name='expires']")!.GetAttribute("value") ?? "");
        if (kind != "nothing")
            Assert.Equal(kind, form.QuerySelector("select[name='kind'] option[selected]")!.GetAttribute("value"));
        Assert.Empty(await app.QueryAsync(db => db.LinkExclusions.ToListAsync()));
        Assert.Empty(await app.QueryAsync(db => db.ContentChanges.ToListAsync()));
    }

    [Fact]
    public async Task A_second_rule_for_the_same_host_is_refused_naming_the_first()
    {
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        var editor = await app.SignedInAsync(Roles.Editor);
        await AddRuleAsync(editor, "host", "example.org", "vendor blocks bots");

        var second = await AddRuleAsync(editor, "host", "EXAMPLE.org.", "another reason");

        Assert.Contains("There is already a rule for host example.org — vendor blocks bots",
            await editor.FollowAsync(second));
        Assert.Single(await app.QueryAsync(db => db.LinkExclusions.ToListAsync()));
    }

    [Fact]
    public void Bad_configured_rules_are_named_one_line_each()
    {
        // Otherwise: a typo in LinkHealth:Exclude silently checks (or silences) the wrong links.
        var options = new LinkHealthOptions
        {
            Exclude =
            [
                new ExcludeSetting { Host = "example.org", Reason = "fine", Expires = "2001-01-01" },
                new ExcludeSetting { Host = "exa mple.org", Reason = "" },
                new ExcludeSetting { Url = "https://example.org/", Prefix = "https://example.org/", Reason = "both" },
                new ExcludeSetting { Prefix = "https://example.org/docs/", Reason = "docs", Expires = "31.12.2030" },
            ],
        };

        var failures = new LinkHealthOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.StartsWith("LinkHealth:Exclude:1 (host 'exa mple.org'): 'exa mple.org' is not a host name", failures[0]);
        Assert.Contains("; Say why the link is excluded", failures[0]);
        Assert.Equal(
            "LinkHealth:Exclude:2 (url 'https://example.org/'): give exactly one of Url, Host or Prefix", failures[1]);
        Assert.StartsWith(
            "LinkHealth:Exclude:3 (prefix 'https://example.org/docs/'): '31.12.2030' is not a date", failures[2]);
    }
}
