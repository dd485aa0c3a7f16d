using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.Suggestions;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Portal.Tests.PrivateMode;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Suggestions;

/// <summary>The editors' side of suggestions: the queue, accepting through the single edit path, declining, and two
/// editors deciding at once.</summary>
[Collection(PortalCollection.Name)]
public class SuggestionReviewTests(TestDatabase server)
{
    private const string Ann = "ann@example.org";
    private const string Bob = "bob@example.org";
    private const string Ed = "ed@example.org";
    private const string Eve = "eve@example.org";

    [Fact]
    public async Task Accepting_adds_the_entry_in_one_edit_whose_history_credits_the_members_and_the_member_sees_accepted()
    {
        // Otherwise: an accepted link never reaches readers, history hides who found it, or the member never learns.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var id = await SuggestAsync(app, site, Ann, Bob);
        var review = app.Services.GetRequiredService<SuggestionReview>();
        var queued = Assert.Single(await review.QueueAsync());
        Assert.Equal([Ann, Bob], queued.People);
        var revisionBefore = await RevisionAsync(app);

        var outcome = await review.AcceptAsync(id, Draft(await SectionIdAsync(app, "section-b"),
            NewEntryText.Compose(null, "Fresh page", queued.AddressToUse, [], "Short and clear")),
            await EditorAsync(app, Ed));

        Assert.IsType<EditOutcome.Saved>(outcome);
        var entryId = await app.EntryIdAsync("Fresh page");
        var change = Assert.Single(await app.HistoryAsync());
        Assert.Equal(Ed, change.UserName);
        Assert.EndsWith($"to Section B, suggested by {Ann}, {Bob}, accepted by {Ed}", change.Summary);
        var decided = Assert.Single(await app.SuggestionsAsync());
        Assert.Equal((SuggestionState.Accepted, entryId, Ed), (decided.State, decided.AcceptedEntryId, decided.DecidedBy));
        Assert.True(await RevisionAsync(app) > revisionBefore, "readers would keep pages without the new entry");
        Assert.Empty(await review.QueueAsync());
        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);
        var mine = Html.Parse(await member.GetStringAsync("/account/suggestions"));
        Assert.Equal("accepted", mine.QuerySelector("[data-testid=suggestion-state]")!.TextContent);
    }

    [Fact]
    public async Task Accept_opens_the_editors_add_form_filled_in_and_refuses_a_reader_and_a_decided_suggestion()
    {
        // Otherwise: the editor retypes the member's link, a reader replaying the accept address reaches the add
        // form, or a suggestion another editor decided can be accepted again.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var intake = app.Services.GetRequiredService<SuggestionIntake>();
        var id = Assert.IsType<SuggestOutcome.Queued>(await intake.SuggestAsync(new SuggestionRequest(
            site.Url("/fresh"), "section-b", Description: "Short and clear"), await UserIdAsync(app, Ann), Ann)).Id;
        var editor = app.Browser();
        await editor.LogInAsync(Ed, TestUsers.Password);
        var reader = app.Browser();
        await reader.LogInAsync(Ann, TestUsers.Password);
        var path = SuggestionQueuePage.AcceptPath(id);

        var queue = Html.Parse(await editor.GetStringAsync(SuggestionNotifier.Queue));
        Assert.Equal(path, queue.QuerySelector("[data-testid=accept]")!.GetAttribute("href"));
        var form = Html.Parse(await editor.GetStringAsync(path));
        Assert.Equal(site.Url("/fresh"), form.QuerySelector("#new-url")!.GetAttribute("value"));
        Assert.Equal("Fresh page", form.QuerySelector("#new-title")!.GetAttribute("value"));
        Assert.Equal("Short and clear", form.QuerySelector("#new-description")!.TextContent);
        Assert.Equal((await SectionIdAsync(app, "section-b")).ToString(CultureInfo.InvariantCulture),
            form.QuerySelector("#new-section option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#new-place"));
        Assert.Equal(SuggestionState.Pending, Assert.Single(await app.SuggestionsAsync()).State);

        var refused = await reader.GetAsync(path);
        Assert.Equal("/account/denied", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath);
        Assert.Null(await app.Services.GetRequiredService<SuggestionReview>()
            .DeclineAsync(id, "out of scope", await EditorAsync(app, Ed)));
        var decided = Html.Parse(await editor.GetStringAsync(path));
        Assert.Null(decided.QuerySelector("#new-url"));
        Assert.Contains(SuggestionReview.AlreadyDecided, decided.QuerySelector("[data-testid=not-waiting]")!.TextContent);
    }

    [Fact]
    public async Task Accepting_puts_the_entry_at_the_chosen_place_and_a_refused_save_leaves_the_suggestion_waiting()
    {
        // Otherwise: the editor cannot say where the accepted link goes, or a save that failed marks the suggestion
        // accepted with no entry in the list.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var id = await SuggestAsync(app, site, Ann);
        var review = app.Services.GetRequiredService<SuggestionReview>();
        var section = await SectionIdAsync(app, "section-a");
        var ed = await EditorAsync(app, Ed);

        var refused = await review.AcceptAsync(id, Draft(section, "not a bullet\n* two"), ed);
        Assert.IsType<EditOutcome.Invalid>(refused);
        Assert.Equal(SuggestionState.Pending, Assert.Single(await app.SuggestionsAsync()).State);
        Assert.Empty(await app.HistoryAsync());

        var markdown = NewEntryText.Compose(null, "Fresh page", site.Url("/fresh"), [], null);
        Assert.IsType<EditOutcome.Saved>(await review.AcceptAsync(id, new(section, null, 0, markdown, false), ed));
        var first = await app.QueryAsync(db => db.Entries.Where(e => e.SectionId == section && e.ParentId == null)
            .OrderBy(e => e.Position).ThenBy(e => e.Id).Select(e => e.Title).FirstAsync());
        Assert.Equal("Fresh page", first);
        var positions = await app.QueryAsync(db => db.Entries.Where(e => e.SectionId == section && e.ParentId == null)
            .Select(e => e.Position).ToListAsync());
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(SuggestionState.Accepted, Assert.Single(await app.SuggestionsAsync()).State);
    }

    [Fact]
    public async Task Two_editors_deciding_one_suggestion_at_once_write_it_once_and_the_second_is_told()
    {
        // Otherwise: the entry is added twice, or one editor's decline silently overwrites the other's accept.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        await app.CreateUserAsync(Eve, Roles.Editor);
        var review = app.Services.GetRequiredService<SuggestionReview>();
        var section = await SectionIdAsync(app, "section-a");
        var (ed, eve) = (await EditorAsync(app, Ed), await EditorAsync(app, Eve));

        for (var round = 0; round < 5; round++)
        {
            var id = await SuggestAsync(app, site, [Ann], $"/fresh?round={round}");
            var markdown = NewEntryText.Compose(null, $"Round {round}", site.Url($"/fresh?round={round}"), [], null);
            var outcomes = await AtOnce.RunAsync<object>(
            [
                async () => await review.AcceptAsync(id, Draft(section, markdown), ed),
                async () => await review.AcceptAsync(id, Draft(section, markdown), eve),
                async () => (object?)await review.DeclineAsync(id, "out of scope", eve) ?? "declined",
            ]);

            var wins = outcomes.Count(o => o is EditOutcome.Saved || o is "declined");
            Assert.True(wins == 1, $"round {round}: {string.Join(", ", outcomes)}");
            Assert.All(outcomes.Where(o => o is not EditOutcome.Saved && o is not "declined"), o =>
                Assert.Contains("already decided", o is EditOutcome.Invalid i ? i.Message : (string)o));
            await using var db = app.Database.Open();
            var entries = await db.Entries.CountAsync(e => e.Title == $"Round {round}");
            var accepted = await db.Suggestions.AnyAsync(s => s.Id == id && s.State == SuggestionState.Accepted);
            Assert.Equal(accepted ? 1 : 0, entries);
        }
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_member_reads_and_a_removed_member_shows_as_a_former_member()
    {
        // Otherwise: a member's suggestion disappears without a word, or the queue breaks when an account is removed.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var id = await SuggestAsync(app, site, Ann, Bob);
        var review = app.Services.GetRequiredService<SuggestionReview>();
        await RemoveAsync(app, Bob);
        Assert.Equal([Ann, SuggestionReview.FormerMember], Assert.Single(await review.QueueAsync()).People);

        Assert.NotNull(await review.DeclineAsync(id, "  ", await EditorAsync(app, Ed)));
        Assert.Null(await review.DeclineAsync(id, "out of scope: not about networking", await EditorAsync(app, Ed)));

        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);
        var mine = Html.Parse(await member.GetStringAsync("/account/suggestions"));
        Assert.Equal("declined: out of scope: not about networking",
            mine.QuerySelector("[data-testid=suggestion-state]")!.TextContent);
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task Declining_as_already_covered_takes_a_live_entry_of_the_list_whose_link_the_member_follows()
    {
        // Otherwise: "already covered by" points the member at nothing (a typo, another section's anchor, a page
        // the list does not hold), or the member reads it without a way to the entry that covers their link.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var first = await SuggestAsync(app, site, Ann);
        var second = await SuggestAsync(app, site, [Ann], "/untitled");
        var review = app.Services.GetRequiredService<SuggestionReview>();
        var ed = await EditorAsync(app, Ed);
        var covering = await app.QueryAsync(db => db.Entries.Where(e => e.Section.Slug == "section-a" && e.Url != null)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.Title, e.Url }).FirstAsync());

        foreach (var wrong in new[] { "", "not a link", site.Url("/not-in-the-list"),
            $"https://portal.example/sections/section-b#e-{covering.Id}", "/entries/999999999" })
            Assert.Equal(CoveringEntry.NotFound, await review.DeclineAsCoveredAsync(first, wrong, ed));
        Assert.All(await app.SuggestionsAsync(), s => Assert.Equal(SuggestionState.Pending, s.State));

        Assert.Null(await review.DeclineAsCoveredAsync(first,
            $"https://portal.example/sections/section-a#e-{covering.Id}", ed));
        Assert.Null(await review.DeclineAsCoveredAsync(second, covering.Url, ed));
        Assert.Equal(SuggestionReview.AlreadyDecided, await review.DeclineAsCoveredAsync(second, covering.Url, ed));

        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);
        var mine = Html.Parse(await member.GetStringAsync("/account/suggestions"));
        var links = mine.QuerySelectorAll("[data-testid=covered-by]");
        Assert.Equal(2, links.Length);
        Assert.All(links, link => Assert.Equal(($"/entries/{covering.Id}", covering.Title),
            (link.GetAttribute("href"), link.TextContent)));
        Assert.All(mine.QuerySelectorAll("[data-testid=suggestion-state]"), state =>
            Assert.Equal($"declined: already covered by {covering.Title}", Suggesters.Text(state)));
        Assert.All(await app.SuggestionsAsync(), s => Assert.Equal((covering.Id, $"already covered by “{covering.Title}”"),
            (s.CoveredByEntryId!.Value, s.DeclineReason)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_saved_copies_on_the_one_check_saves_the_pages_extract_which_only_editors_read(bool on)
    {
        // Otherwise: the editor must open an unknown page to judge it, the page is fetched twice, a reader reads
        // what was suggested, or with copies off the queue links an extract that does not exist.
        await using var site = new LinkHealth.LinkSite((path, _) => path == "/article"
            ? FixtureServer.Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", CopyPages.Article())
            : null);
        await using var app = await StartAsync(site, new() { ["SavedCopies:Enabled"] = on ? "true" : "false" });
        var id = await SuggestAsync(app, site, [Ann], "/article");
        Assert.Equal(1, site.Server.Hits("/article"));
        Assert.Equal(on, Assert.Single(await app.Services.GetRequiredService<SuggestionReview>().QueueAsync()).HasCopy);
        var editor = app.Browser();
        await editor.LogInAsync(Ed, TestUsers.Password);
        var reader = app.Browser();
        await reader.LogInAsync(Ann, TestUsers.Password);

        var link = Html.Parse(await editor.GetStringAsync(SuggestionNotifier.Queue))
            .QuerySelector("[data-testid=extract]");
        var extract = await editor.GetAsync(SuggestionQueuePage.ExtractPath(id));
        if (!on)
        {
            Assert.Null(link);
            Assert.Equal(HttpStatusCode.NotFound, extract.StatusCode);
            return;
        }
        Assert.Equal(SuggestionQueuePage.ExtractPath(id), link!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, extract.StatusCode);
        var page = Html.Parse(await extract.Content.ReadAsStringAsync());
        Assert.Contains("Virtual Ethernet pairs", page.QuerySelector(".saved-text")!.TextContent);
        Assert.DoesNotContain("BUY CHEAP HOSTING", page.Body!.TextContent);
        var refused = await reader.GetAsync(SuggestionQueuePage.ExtractPath(id));
        Assert.Equal("/account/denied", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_queue_page_is_for_editors_and_their_header_counts_what_waits()
    {
        // Otherwise: readers see who suggested what, or editors never notice the queue.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        await SuggestAsync(app, site, Ann);
        var editor = app.Browser();
        await editor.LogInAsync(Ed, TestUsers.Password);
        var reader = app.Browser();
        await reader.LogInAsync(Ann, TestUsers.Password);

        var page = Html.Parse(await editor.GetStringAsync("/admin/suggestions"));
        Assert.Equal("Suggestions (1)", page.QuerySelector("[data-testid=pending-suggestions]")!.TextContent);
        Assert.Equal(Ann, page.QuerySelector("[data-testid=suggested-by]")!.TextContent);
        Assert.Equal("working", page.QuerySelector("[data-testid=check]")!.TextContent);
        var refused = await reader.GetAsync("/admin/suggestions");
        Assert.Equal("/account/denied", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("pending-suggestions", await reader.GetStringAsync("/"));
    }

    [Fact]
    public async Task In_private_mode_an_anonymous_request_to_every_suggestion_route_is_refused()
    {
        // Otherwise: someone without an account reads who suggested what, or suggests in nobody's name.
        await using var app = await PrivateApp.StartAsync(server);
        var anonymous = app.Client();

        foreach (var path in new[] { "/account/suggest", "/account/suggestions", "/admin/suggestions" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect,
                $"{path}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.Equal("/account/login",
                    new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        }
        var api = await anonymous.SendAsync(HttpMethod.Post, "/api/suggestions", null,
            new { url = "https://example.org/", section = PrivateApp.SectionSlug });
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task The_account_export_holds_the_members_own_suggestions_and_their_outcome_and_nobody_elses_words()
    {
        // Otherwise: a member cannot take their suggestions with them, or the export hands them another member's
        // reasons or an editor's address.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var intake = app.Services.GetRequiredService<SuggestionIntake>();
        var fresh = new SuggestionRequest(site.Url("/fresh"), "section-a", Why: "Ann's own reason");
        var declined = Assert.IsType<SuggestOutcome.Queued>(
            await intake.SuggestAsync(fresh, await UserIdAsync(app, Ann), Ann)).Id;
        Assert.IsType<SuggestOutcome.NameAdded>(await intake.SuggestAsync(fresh with { Why = "Bob's reason" },
            await UserIdAsync(app, Bob), Bob));
        Assert.IsType<SuggestOutcome.Queued>(await intake.SuggestAsync(
            new SuggestionRequest(site.Url("/untitled"), "section-b", "Bob's page", Why: "Bob's only"),
            await UserIdAsync(app, Bob), Bob));
        var review = app.Services.GetRequiredService<SuggestionReview>();
        Assert.Null(await review.DeclineAsync(declined, "out of scope", await EditorAsync(app, Ed)));

        var ann = await ExportAsync(app, Ann);
        var only = Assert.Single(ann.GetProperty("suggestions").EnumerateArray());
        Assert.Equal((site.Url("/fresh"), "Section A", "Ann's own reason", "declined", "out of scope", false),
            (only.GetProperty("url").GetString(), only.GetProperty("section").GetString(),
                only.GetProperty("why").GetString(), only.GetProperty("state").GetString(),
                only.GetProperty("declineReason").GetString(), only.GetProperty("nameAdded").GetBoolean()));
        Assert.True(only.TryGetProperty("suggestedAt", out _));
        foreach (var other in new[] { Bob, "Bob's", Ed, "untitled" })
            Assert.DoesNotContain(other, ann.GetRawText());

        var bob = (await ExportAsync(app, Bob)).GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(2, bob.Count);
        var joined = Assert.Single(bob, s => s.GetProperty("nameAdded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("why").ValueKind);
        Assert.Equal("Bob's only", Assert.Single(bob, s => !s.GetProperty("nameAdded").GetBoolean())
            .GetProperty("why").GetString());
        Assert.DoesNotContain("Ann's", string.Join(" ", bob.Select(s => s.GetRawText())));
    }

    [Fact]
    public async Task Removing_an_account_on_the_users_page_leaves_its_suggestions_to_a_former_member_without_its_name()
    {
        // Otherwise: a removed member's name or address stays in the queue and the database, against what they were
        // promised, or removing them takes the team's suggestions and decisions with them.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        await app.CreateUserAsync(Eve, Roles.Editor);
        var waiting = await SuggestAsync(app, site, Ann, Bob);
        var decided = await SuggestAsync(app, site, [Ann], "/untitled");
        var review = app.Services.GetRequiredService<SuggestionReview>();
        Assert.Null(await review.DeclineAsync(decided, "out of scope", await EditorAsync(app, Eve)));
        var ids = new[] { await UserIdAsync(app, Ann), await UserIdAsync(app, Eve) };

        var accounts = app.Services.GetRequiredService<UserAdministration>();
        Assert.Null(await accounts.RemoveAsync(ids[0]));
        Assert.Null(await accounts.RemoveAsync(ids[1]));

        var queued = Assert.Single(await review.QueueAsync());
        Assert.Equal(waiting, queued.Id);
        Assert.Equal([SuggestionReview.FormerMember, Bob], queued.People);
        var rows = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT row_to_json(s)::text AS \"Value\" FROM suggestions s UNION ALL " +
            "SELECT row_to_json(m)::text FROM suggestion_members m").ToListAsync());
        Assert.Equal(5, rows.Count);
        foreach (var gone in new[] { Ann, Eve, ids[0], ids[1] })
            Assert.DoesNotContain(rows, row => row.Contains(gone, StringComparison.OrdinalIgnoreCase));
        var stillDecided = await app.QueryAsync(db => db.Suggestions.SingleAsync(s => s.Id == decided));
        Assert.Equal((SuggestionState.Declined, SuggestionReview.FormerMember, "out of scope"),
            (stillDecided.State, stillDecided.DecidedBy, stillDecided.DeclineReason));
    }

    [Fact]
    public async Task A_member_who_removes_their_account_is_a_former_member_in_the_history_of_the_entry_they_suggested()
    {
        // Otherwise: the history of an accepted link keeps a removed member's e-mail address for every editor to
        // read, against what removing the account promised.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site);
        var id = await SuggestAsync(app, site, Ann, Bob);
        var review = app.Services.GetRequiredService<SuggestionReview>();
        Assert.IsType<EditOutcome.Saved>(await review.AcceptAsync(id, Draft(await SectionIdAsync(app, "section-a"),
            NewEntryText.Compose(null, "Fresh page", site.Url("/fresh"), [], null)), await EditorAsync(app, Ed)));

        Assert.Null(await app.Services.GetRequiredService<UserAdministration>().RemoveAsync(await UserIdAsync(app, Ann)));

        var change = Assert.Single(await app.HistoryAsync());
        Assert.Equal($"Added “Fresh page” to Section A, suggested by {SuggestionReview.FormerMember}, {Bob}, " +
            $"accepted by {Ed}", change.Summary);
        var editor = app.Browser();
        await editor.LogInAsync(Ed, TestUsers.Password);
        Assert.DoesNotContain(Ann, await editor.GetStringAsync("/admin/history"));
    }

    [Fact]
    public async Task Each_decision_is_posted_to_the_suggestions_webhook_and_counted_by_outcome_on_metrics()
    {
        // Otherwise: the team is not told what became of a suggestion, or /metrics cannot show how many are accepted.
        await using var site = Suggesters.Site();
        await using var app = await StartAsync(site,
            new() { ["Suggestions:WebhookUrl"] = site.Url("/suggestion-hook"), ["LinkHealth:WebhookUrl"] = "" });
        var review = app.Services.GetRequiredService<SuggestionReview>();
        var before = await SuggestionCountsAsync(app, _ => true);

        var declined = await SuggestAsync(app, site, [Ann], "/untitled");
        Assert.Null(await review.DeclineAsync(declined, "already covered by Section A", await EditorAsync(app, Ed)));
        var accepted = await SuggestAsync(app, site, Bob);
        Assert.IsType<EditOutcome.Saved>(await review.AcceptAsync(accepted, Draft(await SectionIdAsync(app,
            "section-a"), NewEntryText.Compose(null, "Fresh page", site.Url("/fresh"), [], null)),
            await EditorAsync(app, Ed)));

        var texts = site.Server.Bodies.Where(b => b.Path == "/suggestion-hook")
            .Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Contains($"{Ed} declined (already covered by Section A) the suggestion {site.Url("/untitled")}\n" +
            site.Url("/untitled"), texts);
        Assert.Contains($"{Ed} accepted the suggestion Fresh page\n{site.Url("/fresh")}", texts);
        await SuggestionCountsAsync(app, after =>
            after["queued"] >= before["queued"] + 2 && after["declined"] >= before["declined"] + 1
            && after["accepted"] >= before["accepted"] + 1);
    }

    /// <summary>The member's /account/export, signed in with their password.</summary>
    private static async Task<JsonElement> ExportAsync(PortalApp app, string email)
    {
        var browser = app.Browser();
        await browser.LogInAsync(email, TestUsers.Password);
        return JsonDocument.Parse(await browser.GetStringAsync("/account/export")).RootElement;
    }

    /// <summary>cnl.suggestions on /metrics by outcome, read until <paramref name="done"/> (other hosts in this process
    /// count too, and the scrape may be a moment behind).</summary>
    private static Task<Dictionary<string, long>> SuggestionCountsAsync(PortalApp app,
        Func<Dictionary<string, long>, bool> done) =>
        Eventually.ReadAsync(async () =>
            {
                var metrics = await app.Client().GetStringAsync("/metrics");
                return new[] { "queued", "accepted", "declined" }.ToDictionary(o => o, o =>
                    Regex.Match(metrics, $"cnl_suggestions_total\\{{[^}}]*outcome=\"{o}\"[^}}]*\\}} (\\d+)")
                        is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            }, done, counts => "/metrics: " + string.Join(", ", counts), TimeSpan.FromSeconds(30), everyMs: 250);

    /// <summary>The LinkSite list with an editor (Ed) and two readers (Ann, Bob).</summary>
    private async Task<PortalApp> StartAsync(LinkHealth.LinkSite site, Dictionary<string, string?>? settings = null)
    {
        var app = await ApiWriters.StartAsync(server, site, settings);
        await app.CreateUserAsync(Ed, Roles.Editor);
        await app.CreateUserAsync(Ann, role: null);
        await app.CreateUserAsync(Bob, role: null);
        return app;
    }

    /// <summary>The members suggest one page of the site, in this order; the suggestion's id.</summary>
    private static async Task<long> SuggestAsync(PortalApp app, LinkHealth.LinkSite site, params string[] members) =>
        await SuggestAsync(app, site, members, "/fresh");

    private static async Task<long> SuggestAsync(PortalApp app, LinkHealth.LinkSite site, string[] members, string path)
    {
        var intake = app.Services.GetRequiredService<SuggestionIntake>();
        long id = 0;
        foreach (var member in members)
        {
            var outcome = await intake.SuggestAsync(new SuggestionRequest(site.Url(path), "section-a"),
                await UserIdAsync(app, member), member);
            id = outcome switch
            {
                SuggestOutcome.Queued q => q.Id,
                SuggestOutcome.NameAdded n => n.Id,
                _ => throw new InvalidOperationException(outcome.ToString()),
            };
        }
        return id;
    }

    /// <summary>The add form's save of a top-level entry at the end of the section.</summary>
    private static NewEntryDraft Draft(int sectionId, string markdown) => new(sectionId, null, null, markdown, false);

    private static Task<string> UserIdAsync(PortalApp app, string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<EditorIdentity> EditorAsync(PortalApp app, string email) =>
        new(await UserIdAsync(app, email), email);

    private static Task<int> SectionIdAsync(PortalApp app, string slug) =>
        app.QueryAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    private static Task<long> RevisionAsync(PortalApp app) =>
        app.QueryAsync(db => db.ReadingLists.Select(l => l.Revision).SingleAsync());

    private static async Task RemoveAsync(PortalApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(email))!)).Succeeded);
    }
}
