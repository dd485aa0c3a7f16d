using System.Net;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>The editors' operations against real PostgreSQL, seen from where readers and the exporter stand.</summary>
[Collection(PortalCollection.Name)]
public class EditingTests(TestDatabase server)
{
    private static readonly EditorIdentity Ed = new("user-1", "ed@example.org");

    private const string List = """
        # Containers

        ## Overlays

        * 2020-01-01: [First overlay post](https://first.example/) by Ann
          * 2020-01-02: [A reply](https://reply.example/) by Ben
        * 2020-02-01: [Second overlay post](https://second.example/) by Bob

        ## Bridges

        * 2019-05-05: [Linux bridges explained](https://bridges.example/) by Cy

        """;

    private static async Task<PortalApp> StartAsync(TestDatabase server)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        return app;
    }

    private static T Get<T>(PortalApp app) where T : notnull => app.Services.GetRequiredService<T>();

    private static async Task<long> IdAsync(PortalApp app, string title)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        return await db.Entries.IgnoreQueryFilters().Where(e => e.Title == title).Select(e => e.Id).SingleAsync();
    }

    private static async Task<int> SectionAsync(PortalApp app, string slug)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        return await db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }

    private static async Task<string> ExportAsync(PortalApp app)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        return await ListExporter.ExportMarkdownAsync(db);
    }

    private static Task EventuallyAsync(HttpClient client, string path, Func<string, bool> shows, string what) =>
        Eventually.TrueAsync(async () => shows(await client.GetStringAsync(path)), $"{path} never showed {what}");

    [Fact]
    public async Task An_added_entry_follows_the_lists_convention_and_shows_on_the_cached_section_page_and_in_the_export()
    {
        // Otherwise: an editor adds a link and readers keep seeing the old page, or the export loses it.
        await using var app = await StartAsync(server);
        var client = app.Client();
        Assert.DoesNotContain("Geneve in depth", await client.GetStringAsync("/sections/overlays"));
        var markdown = EntryMarkdown.Compose(new DateOnly(2024, 3, 15), "Geneve in depth", "https://geneve.example/a", [], null);
        var outcome = await Get<EntryEditing>(app).AddAsync(await SectionAsync(app, "overlays"), await IdAsync(app, "First overlay post"), markdown, Ed);
        Assert.IsType<EditOutcome.Saved>(outcome);

        await EventuallyAsync(client, "/sections/overlays", html => html.Contains("Geneve in depth"), "the new entry");
        Assert.Contains("  * 2020-01-02: [A reply](https://reply.example/) by Ben\n  * 2024-03-15: [Geneve in depth](https://geneve.example/a)\n", await ExportAsync(app));
    }

    [Fact]
    public async Task A_new_word_from_an_editor_is_found_even_misspelled_a_moment_later()
    {
        // Otherwise: typo correction never learns the words editors add, or every save waits for the vocabulary to be rebuilt.
        await using var app = await StartAsync(server);
        var client = app.Client();
        var markdown = EntryMarkdown.Compose(null, "Wireguardian tunnels between nodes", "https://wg.example/", [], null);
        Assert.IsType<EditOutcome.Saved>(await Get<EntryEditing>(app).AddAsync(await SectionAsync(app, "overlays"), null, markdown, Ed));

        await EventuallyAsync(client, "/search?q=wireguardain", html => html.Contains("https://wg.example/"), "the new entry for a misspelled word");
    }

    [Fact]
    public async Task A_url_already_in_the_list_is_found_in_any_spelling_before_saving()
    {
        // Otherwise: the same article gets added twice under two sections.
        await using var app = await StartAsync(server);
        var found = await Get<EntryEditing>(app).FindByUrlAsync("HTTPS://First.Example");
        var match = Assert.Single(found);
        Assert.Equal("First overlay post", match.Title);
        Assert.Equal("overlays", match.SectionSlug);
        Assert.Empty(await Get<EntryEditing>(app).FindByUrlAsync("https://new.example/"));
    }

    [Fact]
    public async Task Markdown_that_is_not_one_bullet_is_refused_with_a_message_and_nothing_changes()
    {
        await using var app = await StartAsync(server);
        var id = await IdAsync(app, "Second overlay post");
        var before = await ExportAsync(app);
        var editing = Get<EntryEditing>(app);
        var version = await VersionAsync(app, id);
        var outcome = await editing.UpdateAsync(id, version, "line one\n* line two", Ed);
        Assert.Equal(EntryContent.NotOneBullet, Assert.IsType<EditOutcome.Invalid>(outcome).Message);
        Assert.Equal(before, await ExportAsync(app));
    }

    [Fact]
    public async Task A_save_over_a_newer_version_is_refused_and_shows_the_other_editors_text()
    {
        // Otherwise: the second of two editors silently overwrites the first one's fix.
        await using var app = await StartAsync(server);
        var id = await IdAsync(app, "Second overlay post");
        var editing = Get<EntryEditing>(app);
        var opened = await VersionAsync(app, id);
        var first = await editing.UpdateAsync(id, opened, "2020-02-01: [Second overlay post, fixed](https://second.example/) by Bob", new("user-2", "anna@example.org"));
        // The version a save returns is the one stored: the editor's next save starts from it.
        Assert.Equal(await VersionAsync(app, id), Assert.IsType<EditOutcome.Saved>(first).Version);

        var second = await editing.UpdateAsync(id, opened, "2020-02-01: [Second overlay post](https://second.example/) by Bob: a note", Ed);
        var conflict = Assert.IsType<EditOutcome.Conflict>(second);
        Assert.Contains("fixed", conflict.CurrentMarkdown);
        Assert.Equal("anna@example.org", conflict.ChangedBy);
        Assert.Contains("fixed", await ExportAsync(app));
        Assert.DoesNotContain("a note", await ExportAsync(app));

        // Saving again against the version they were shown goes through.
        Assert.IsType<EditOutcome.Saved>(await editing.UpdateAsync(id, conflict.CurrentVersion, conflict.CurrentMarkdown + ": a note", Ed));
        Assert.Contains("fixed](https://second.example/) by Bob: a note", await ExportAsync(app));
    }

    [Fact]
    public async Task A_retired_entry_and_its_children_vanish_for_readers_and_come_back_with_undo()
    {
        // Otherwise: a retired link still shows on the page, in search or in the export, or undo loses its children.
        await using var app = await StartAsync(server);
        var client = app.Client();
        var id = await IdAsync(app, "First overlay post");
        var editing = Get<EntryEditing>(app);
        Assert.IsType<EditOutcome.Saved>(await editing.RetireAsync(id, Ed));

        await EventuallyAsync(client, "/sections/overlays", html => !html.Contains("First overlay post") && !html.Contains("A reply"), "the entry gone");
        Assert.DoesNotContain("A reply", await client.GetStringAsync("/search?q=reply"));
        Assert.DoesNotContain("first.example", await client.GetStringAsync("/feed.atom"));
        Assert.DoesNotContain("first.example", await client.GetStringAsync("/api/sections/overlays"));
        Assert.DoesNotContain("first.example", await ExportAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/entries/{id}")).StatusCode);

        Assert.IsType<EditOutcome.Saved>(await editing.UnretireAsync(id, Ed));
        await EventuallyAsync(client, "/sections/overlays", html => html.Contains("First overlay post") && html.Contains("A reply"), "the entry back");
        Assert.Equal(List, await ExportAsync(app));
    }

    [Fact]
    public async Task Moving_nesting_and_reordering_keep_the_exported_markdown_nested_as_shown()
    {
        // Otherwise: an entry moved in the portal lands at the wrong depth in the exported file.
        await using var app = await StartAsync(server);
        var placement = Get<EntryPlacement>(app);
        var second = await IdAsync(app, "Second overlay post");
        var reply = await IdAsync(app, "A reply");

        Assert.IsType<EditOutcome.Saved>(await placement.IndentAsync(second, Ed));
        Assert.Contains("  * 2020-01-02: [A reply](https://reply.example/) by Ben\n  * 2020-02-01: [Second overlay post]", await ExportAsync(app));
        Assert.IsType<EditOutcome.Saved>(await placement.MoveUpAsync(second, Ed));
        Assert.Contains("  * 2020-02-01: [Second overlay post](https://second.example/) by Bob\n  * 2020-01-02: [A reply]", await ExportAsync(app));
        Assert.IsType<EditOutcome.Saved>(await placement.OutdentAsync(reply, Ed));
        Assert.IsType<EditOutcome.Saved>(await placement.OutdentAsync(second, Ed));
        Assert.Contains("* 2020-01-01: [First overlay post](https://first.example/) by Ann\n* 2020-02-01: [Second overlay post](https://second.example/) by Bob\n* 2020-01-02: [A reply]", await ExportAsync(app));

        Assert.IsType<EditOutcome.Saved>(await placement.MoveToSectionAsync(second, await SectionAsync(app, "bridges"), Ed));
        Assert.EndsWith("## Bridges\n\n* 2019-05-05: [Linux bridges explained](https://bridges.example/) by Cy\n* 2020-02-01: [Second overlay post](https://second.example/) by Bob\n", await ExportAsync(app));
        Assert.Equal("The entry is already first.", Assert.IsType<EditOutcome.Invalid>(await placement.MoveUpAsync(await IdAsync(app, "First overlay post"), Ed)).Message);
    }

    [Fact]
    public async Task A_renamed_section_keeps_answering_at_its_old_address_with_a_redirect()
    {
        // Otherwise: every link to the section shared in chat breaks on a rename.
        await using var app = await StartAsync(server);
        var sections = Get<SectionEditing>(app);
        var id = await SectionAsync(app, "bridges");
        await using (var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync())
        {
            var version = await db.Sections.Where(s => s.Id == id).Select(s => s.Version).SingleAsync();
            var saved = Assert.IsType<EditOutcome.Saved>(await sections.UpdateAsync(id, version, "Bridges and bonds", "", Ed));
            await using var fresh = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
            Assert.Equal(await fresh.Sections.Where(s => s.Id == id).Select(s => s.Version).SingleAsync(), saved.Version);
        }
        var client = app.Client();
        var response = await client.GetAsync("/sections/bridges");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/sections/bridges-and-bonds", response.Headers.Location!.OriginalString);
        Assert.Contains("## Bridges and bonds\n", await ExportAsync(app));
    }

    [Fact]
    public async Task A_section_with_entries_cannot_be_deleted_and_an_empty_one_can()
    {
        // Otherwise: deleting a section throws its links away with it.
        await using var app = await StartAsync(server);
        var sections = Get<SectionEditing>(app);
        var refused = Assert.IsType<EditOutcome.Invalid>(await sections.DeleteAsync(await SectionAsync(app, "bridges"), Ed));
        Assert.Contains("still has 1 entry", refused.Message);
        var created = Assert.IsType<EditOutcome.Saved>(await sections.CreateAsync("Scratch", null, Ed));
        Assert.Contains("# Scratch\n", await ExportAsync(app));
        Assert.IsType<EditOutcome.Saved>(await sections.DeleteAsync((int)created.Id, Ed));
        Assert.DoesNotContain("Scratch", await ExportAsync(app));
    }

    [Fact]
    public async Task History_records_who_changed_what_and_restores_the_version_before_a_change()
    {
        // Otherwise: a bad edit cannot be traced or undone.
        await using var app = await StartAsync(server);
        var id = await IdAsync(app, "Second overlay post");
        var editing = Get<EntryEditing>(app);
        Assert.IsType<EditOutcome.Saved>(await editing.UpdateAsync(id, await VersionAsync(app, id), "2020-02-01: [Second overlay post, broken](https://wrong.example/) by Bob", Ed));

        var history = await Get<HistoryQueries>(app).ListAsync(id, null, 0);
        var change = Assert.Single(history.Items);
        Assert.Equal("ed@example.org", change.UserName);
        Assert.Contains(change.Diff, p => p.Kind == DiffKind.Added && p.Text.Contains("broken"));
        Assert.Contains(change.Diff, p => p.Kind == DiffKind.Removed && p.Text.Contains("second.example"));

        Assert.IsType<EditOutcome.Saved>(await editing.RestoreAsync(change.Id, Ed));
        Assert.Equal(List, await ExportAsync(app));
        Assert.Equal(2, (await Get<HistoryQueries>(app).ListAsync(id, null, 0)).Items.Count);
    }

    [Fact]
    public async Task A_bulk_add_inserts_every_bullet_nested_as_pasted_or_nothing_at_all()
    {
        // Otherwise: half a pasted batch lands and the editor cannot tell which half.
        await using var app = await StartAsync(server);
        var bulk = Get<BulkAdd>(app);
        var bridges = await SectionAsync(app, "bridges");
        var fragment = BulkFragment.Parse("* [Bonding](https://bond.example/)\n    * [Teaming](https://team.example/)\n* [STP](https://stp.example/)");
        Assert.Equal(3, fragment.Count);
        Assert.IsType<EditOutcome.Saved>(await bulk.AddAsync(bridges, fragment, Ed));
        Assert.EndsWith("by Cy\n* [Bonding](https://bond.example/)\n  * [Teaming](https://team.example/)\n* [STP](https://stp.example/)\n", await ExportAsync(app));

        var before = await ExportAsync(app);
        Assert.IsType<EditOutcome.Invalid>(await bulk.AddAsync(bridges, BulkFragment.Parse("## Not a bullet\n* [x](https://x.example/)"), Ed));
        Assert.IsType<EditOutcome.Invalid>(await bulk.AddAsync(bridges + 1000, fragment, Ed));
        Assert.Equal(before, await ExportAsync(app));
    }

    [Fact]
    public async Task The_portals_export_download_re_imports_to_the_same_list()
    {
        // Otherwise: the Markdown file the team keeps in git drifts from what the portal shows.
        await using var app = await StartAsync(server);
        var editor = await app.SignedInAsync(Domain.Accounts.Roles.Editor);
        var response = await editor.GetAsync("/admin/export.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var exported = await response.Content.ReadAsStringAsync();
        Assert.Equal(List, exported);
        await app.ImportAsync(exported);
        Assert.Equal(List, await ExportAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/admin/export.md")).StatusCode);
    }

    [Fact]
    public async Task Editors_see_edit_links_beside_each_entry_and_section_and_readers_never_do()
    {
        // Otherwise: editors hunt for the entry in the admin pages, or readers get a cached page full of edit links.
        await using var app = await StartAsync(server);
        var editor = await app.SignedInAsync(Domain.Accounts.Roles.Editor);
        var page = Html.Parse(await editor.GetStringAsync("/sections/overlays"));
        var entries = page.QuerySelectorAll("[data-entry-id]");
        Assert.Equal(3, entries.Length);
        Assert.All(entries, e => Assert.NotNull(e.QuerySelector($"a.edit-link[href='/admin/entries/{e.GetAttribute("data-entry-id")}']")));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/sections/{await SectionAsync(app, "overlays")}']"));

        var anonymous = await app.Client().GetStringAsync("/sections/overlays");
        Assert.DoesNotContain("/admin/", anonymous);
        Assert.DoesNotContain("/admin/", await app.Client().GetStringAsync("/sections/overlays"));
    }

    [Fact]
    public async Task An_editor_page_for_an_entry_or_section_that_does_not_exist_answers_404()
    {
        // Otherwise: a stale bookmark shows an empty editor whose buttons fail, and monitors see 200.
        await using var app = await StartAsync(server);
        var editor = await app.SignedInAsync(Domain.Accounts.Roles.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/entries/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/sections/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/sections/{await SectionAsync(app, "overlays")}")).StatusCode);
    }

    private static async Task<uint> VersionAsync(PortalApp app, long id)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        return await db.Entries.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }
}
