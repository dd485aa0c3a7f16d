using System.Net;
using Bunit;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>
/// One address, one entry, whichever way it comes in (the add form, bulk add, a change of address by the form or
/// PATCH) and however many at once; an editor or a script that knows it is there adds it anyway.
/// </summary>
[Collection(PortalCollection.Name)]
public class SameAddressTests(TestDatabase server)
{
    private static readonly EditorIdentity Ed = new("user-1", "ed@example.org");

    private static T Get<T>(PortalApp app) where T : notnull => app.Services.GetRequiredService<T>();

    private static async Task<PortalApp> StartAsync(TestDatabase server, LinkHealth.LinkSite site) =>
        await ApiWriters.StartAsync(server, site, new() { ["Api:WritesPerMinute"] = "100000" });

    private static async Task<int> SectionAsync(PortalApp app, string slug)
    {
        await using var db = app.Database.Open();
        return await db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }

    private static Task<int> EntriesAtAsync(PortalApp app, string url) => ConcurrentAddTests.EntriesAtAsync(app, url);

    /// <summary>Runs every change at the same moment and names what each one came to.</summary>
    private static async Task<List<string>> AtOnceAsync(IEnumerable<Func<Task<EditOutcome>>> changes) =>
        (await AtOnce.RunAsync(changes)).Select(o => o.GetType().Name).ToList();

    private static string Counts(int round, List<string> outcomes, int entries)
    {
        var others = outcomes.Where(o => o is not (nameof(EditOutcome.Saved) or nameof(EditOutcome.Duplicate)));
        return $"round {round + 1}: {outcomes.Count(o => o == nameof(EditOutcome.Saved))} saved, " +
            $"{outcomes.Count(o => o == nameof(EditOutcome.Duplicate))} told it is there, {entries} entries" +
            (others.Any() ? $" (and {string.Join(", ", others)})" : "");
    }

    [Fact]
    public async Task Twenty_editors_adding_the_same_new_address_at_once_make_one_entry_and_nineteen_are_told()
    {
        // Otherwise: editors who paste the same link from the team chat at the same moment each add it, and none of
        // them was warned, because it was new when each of them typed it.
        await using var site = ApiWriters.Site();
        await using var app = await StartAsync(server, site);
        var editing = Get<EntryEditing>(app);
        var section = await SectionAsync(app, "section-a");

        var rounds = new List<string>();
        for (var round = 0; round < ConcurrentAddTests.Rounds; round++)
        {
            var url = $"https://same-moment.example/form/{round}";
            var outcomes = await AtOnceAsync(Enumerable.Range(0, ConcurrentAddTests.Together).Select(i =>
                (Func<Task<EditOutcome>>)(() => editing.AddAsync(section, null, $"[Same moment {i}]({url})", Ed))));
            rounds.Add(Counts(round, outcomes, await EntriesAtAsync(app, url)));
        }
        Assert.True(rounds.All(r => r.EndsWith($": 1 saved, {ConcurrentAddTests.Together - 1} told it is there, " +
            "1 entries", StringComparison.Ordinal)), string.Join("\n", rounds));
    }

    [Fact]
    public async Task The_same_new_address_by_the_form_bulk_add_and_a_change_of_address_at_once_makes_one_entry()
    {
        // Otherwise: the rule holds at the add form but a bulk paste or an edited entry brings the same link in
        // beside it at the same moment.
        await using var site = ApiWriters.Site();
        await using var app = await StartAsync(server, site);
        var editing = Get<EntryEditing>(app);
        var bulk = Get<BulkAdd>(app);
        var section = await SectionAsync(app, "section-b");
        List<(long Id, uint Version)> existing;
        await using (var db = app.Database.Open())
            existing = (await db.Entries.AsNoTracking().Where(e => e.Url != null).Select(e => new { e.Id, e.Version })
                .ToListAsync()).Select(e => (e.Id, e.Version)).ToList();
        Assert.True(existing.Count >= 4);

        var rounds = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var url = $"https://same-moment.example/every-way/{round}";
            var changes = new List<Func<Task<EditOutcome>>>();
            for (var i = 0; i < 4; i++)
            {
                var n = i;
                changes.Add(() => editing.AddAsync(section, null, $"[Form {n}]({url})", Ed));
                changes.Add(() => bulk.AddAsync(section, BulkFragment.Parse($"* [Bulk {n}]({url})"), Ed));
                var (id, version) = existing[n];
                changes.Add(() => editing.UpdateAsync(id, version, $"[Moved {n}]({url})", Ed));
            }
            var outcomes = await AtOnceAsync(changes);
            rounds.Add(Counts(round, outcomes, await EntriesAtAsync(app, url)));
            await using var db = app.Database.Open();
            existing = (await db.Entries.AsNoTracking().Where(e => existing.Select(x => x.Id).Contains(e.Id))
                .Select(e => new { e.Id, e.Version }).ToListAsync()).Select(e => (e.Id, e.Version)).ToList();
        }
        Assert.True(rounds.All(r => r.EndsWith(": 1 saved, 11 told it is there, 1 entries", StringComparison.Ordinal)),
            string.Join("\n", rounds));
    }

    [Fact]
    public async Task A_change_to_an_address_already_listed_is_refused_with_where_it_is_unless_duplicates_are_allowed()
    {
        // Otherwise: editing an entry's link (or PATCHing it) to one already listed makes a duplicate the add page
        // would have warned about, and the editor who meant to keep both cannot.
        await using var site = ApiWriters.Site();
        await using var app = await StartAsync(server, site);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var token = await app.TokenAsync("ed@example.org", TokenScope.Write);
        var editing = Get<EntryEditing>(app);
        var taken = site.Url("/titled");
        var holder = await app.EntryIdAsync("Wrong title");
        var moving = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{moving}")).Headers.ETag?.ToString();

        var refused = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{moving}", token,
            new { markdown = $"[Gone page]({taken}/?utm_source=x)" }, etag);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(holder, problem.GetProperty("existing")[0].GetProperty("id").GetInt64());
        Assert.Contains("allowDuplicate", problem.GetProperty("detail").GetString());
        var form = await editing.UpdateAsync(moving, EntryVersion(etag), $"[Gone page]({taken})", Ed);
        Assert.Equal(holder, Assert.Single(Assert.IsType<EditOutcome.Duplicate>(form).Existing).Id);
        // The entry's own address, unchanged, is no duplicate of itself.
        Assert.IsType<EditOutcome.Saved>(await editing.UpdateAsync(holder,
            await VersionAsync(app, holder), $"[Wrong title, edited]({taken})", Ed));
        Assert.DoesNotContain(await app.HistoryAsync(), c => c.EntryId == moving);

        var allowed = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{moving}", token,
            new { markdown = $"[Gone page]({taken})", allowDuplicate = true }, etag);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(2, await EntriesAtAsync(app, taken));
    }

    [Fact]
    public async Task A_bulk_add_with_an_address_already_in_the_list_or_twice_in_the_paste_adds_nothing_unless_allowed()
    {
        // Otherwise: a pasted batch quietly brings in links the list already has.
        await using var site = ApiWriters.Site();
        await using var app = await StartAsync(server, site);
        var bulk = Get<BulkAdd>(app);
        var section = await SectionAsync(app, "section-a");
        var taken = site.Url("/titled");
        var holder = await app.EntryIdAsync("Wrong title");
        var fragment = $"* [New one](https://new-one.example/)\n* [Again]({taken})";

        var refused = await bulk.AddAsync(section, BulkFragment.Parse(fragment), Ed);
        Assert.Equal(holder, Assert.Single(Assert.IsType<EditOutcome.Duplicate>(refused).Existing).Id);
        var twice = await bulk.AddAsync(section,
            BulkFragment.Parse("* [One](https://twice.example/)\n* [Two](https://twice.example/)"), Ed);
        Assert.Contains("more than once in what you pasted", Assert.IsType<EditOutcome.Invalid>(twice).Message);
        Assert.Equal(0, await EntriesAtAsync(app, "https://new-one.example/"));
        Assert.Empty(await app.HistoryAsync());

        Assert.IsType<EditOutcome.Saved>(await bulk.AddAsync(section, BulkFragment.Parse(fragment), Ed,
            allowDuplicates: true));
        Assert.Equal(2, await EntriesAtAsync(app, taken));
    }

    [Fact]
    public async Task An_address_added_by_someone_else_after_it_was_typed_is_shown_and_adding_again_keeps_both()
    {
        // Otherwise: the add form, which warned of nothing when the address was typed, adds a second copy of what a
        // colleague added a moment ago; or, told, the editor cannot add it on purpose.
        await using var site = ApiWriters.Site();
        await using var app = await StartAsync(server, site);
        using var context = await app.EditorContextAsync();
        var section = await SectionAsync(app, "section-a");
        const string url = "https://same-moment.example/typed";
        var form = context.Render<NewEntryForm>();
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1);
        // Each found and fired in one step: the address and the section re-render the form when their look-ups end.
        await form.InvokeAsync(() => form.Find("#new-url").Change(url));
        await form.InvokeAsync(() => form.Find("#new-title").Input("Typed here"));
        await form.InvokeAsync(() =>
            form.Find("#new-section").Change(section.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(form.FindAll("[data-testid=duplicate-warning]"));
        Assert.IsType<EditOutcome.Saved>(await Get<EntryEditing>(app).AddAsync(section, null,
            $"[Added by a colleague]({url})", new EditorIdentity("user-2", "anna@example.org")));

        await form.Find("form.entry-form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Contains("Added by a colleague",
            form.Find("[data-testid=duplicate-warning]").TextContent));
        Assert.Contains("Press the same button again", form.Markup);
        Assert.Equal(1, await EntriesAtAsync(app, url));

        await form.Find("form.entry-form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Contains("Added.", form.Markup));
        Assert.Equal(2, await EntriesAtAsync(app, url));
    }

    private static uint EntryVersion(string? etag) =>
        uint.Parse(etag!.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<uint> VersionAsync(PortalApp app, long id)
    {
        await using var db = app.Database.Open();
        return await db.Entries.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }
}
