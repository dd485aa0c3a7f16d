using Bunit;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Portal.Tests.SignedInComponents;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>A table row edited like any entry: its cells in the form by the header's names, its line rewritten in
/// the file through the one edit path, and refused as any edit is for someone no longer an editor.</summary>
[Collection(PortalCollection.Name)]
public class TableRowEditingTests(TestDatabase server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private const string List = "# APIs\r\n\r\n## Weather\r\n\r\nFree weather services.\r\n\r\n" +
        "| API | Description | Auth |\r\n|---|---|---|\r\n" +
        "| [Open-Meteo](https://open-meteo.example/) | Forecasts *worldwide* | No |\r\n" +
        "|[Weatherstack](https://weatherstack.example/)|Current weather|`apiKey`|\r\n\r\nAfter the table.\r\n";

    private static async Task<long> RowIdAsync(PortalApp app, string title)
    {
        await using var db = app.Database.Open();
        return await db.Entries.Where(e => e.Title == title).Select(e => e.Id).SingleAsync();
    }

    private static async Task<string> ExportAsync(PortalApp app)
    {
        await using var db = app.Database.Open();
        return await ListExporter.ExportMarkdownAsync(db);
    }

    [Fact]
    public async Task The_form_shows_a_rows_cells_by_the_headers_names_and_saving_rewrites_only_that_rows_line()
    {
        // Otherwise: an editor must hand-edit pipes to fix a row's description, or a save from the form changes
        // other lines of the file (its CRLF endings, its other rows) and git diff shows the whole table changed.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var id = await RowIdAsync(app, "Weatherstack");
        using var context = await app.EditorContextAsync();
        var entry = (await app.Services.GetRequiredService<EditorQueries>().EntryAsync(id))!;
        var form = context.Render<EntryEditorForm>(p => p.Add(f => f.Entry, entry));
        form.WaitForElement("[data-testid=row-cells]");

        Assert.Equal(["API: title", "API: web address", "Description", "Auth"],
            form.FindAll("[data-testid=row-cells] label").Select(l => l.TextContent));
        Assert.Equal("Weatherstack", form.Find("#cell-title").GetAttribute("value"));
        Assert.Equal("https://weatherstack.example/", form.Find("#cell-url").GetAttribute("value"));
        Assert.Equal("Current weather", form.Find("#cell-1").GetAttribute("value"));
        Assert.Equal("`apiKey`", form.Find("#cell-2").GetAttribute("value"));

        form.Find("#cell-1").Change("Current weather | history");
        await form.Find("form.entry-editor").SubmitAsync();
        form.WaitForAssertion(() => Assert.Contains("Saved.", form.Markup), Patience);

        Assert.Equal(List.Replace("|[Weatherstack](https://weatherstack.example/)|Current weather|`apiKey`|",
            "| [Weatherstack](https://weatherstack.example/) | Current weather \\| history | `apiKey` |"),
            await ExportAsync(app));
        await using var db = app.Database.Open();
        var change = await db.ContentChanges.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal((id, "Edited “Weatherstack”"), (change.EntryId!.Value, change.Summary));
        var row = await db.Entries.SingleAsync(e => e.Id == id);
        Assert.Equal("Current weather \\| history", row.Cells[1].Markdown);
    }

    [Fact]
    public async Task Adding_an_entry_to_a_section_that_ends_with_a_table_adds_a_row_with_the_forms_cells()
    {
        // Otherwise: a new entry lands as a bullet under the table, and the list kept in a table grows a stray list.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        using var context = await app.EditorContextAsync();
        var form = context.Render<NewEntryForm>();
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1);
        form.Find("#new-section").Change(form.FindAll("#new-section option").Single(o => o.TextContent.Trim()
            == "Weather").GetAttribute("value"));
        form.WaitForElement("[data-testid=row-cells]");

        Assert.Equal(["Description", "Auth"], form.FindAll("[data-testid=row-cells] label").Select(l => l.TextContent));
        // Found and typed into in one step each: the address's duplicate check renders the form again meanwhile.
        await form.InvokeAsync(() => form.Find("#new-title").Input("wttr.in"));
        await form.InvokeAsync(() => form.Find("#new-cell-1").Input("Weather | in a terminal"));
        await form.InvokeAsync(() => form.Find("#new-cell-2").Input("No"));
        await form.InvokeAsync(() => form.Find("#new-url").Change("https://wttr.example/"));
        form.WaitForAssertion(() => Assert.Contains("wttr.example", form.Find("[data-testid=preview-markdown]")
            .TextContent), Patience);
        await form.InvokeAsync(() => form.Find("form.entry-form").SubmitAsync());
        form.WaitForAssertion(() => Assert.Contains("Added.", form.Markup), Patience);

        Assert.Equal(List.Replace("|`apiKey`|\r\n", "|`apiKey`|\r\n" +
            "| [wttr.in](https://wttr.example/) | Weather \\| in a terminal | No |\r\n"), await ExportAsync(app));
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/weather"));
        Assert.Equal(3, Assert.Single(page.QuerySelectorAll(".entry-table table")).QuerySelectorAll("tbody tr").Length);
        await using var db = app.Database.Open();
        Assert.Equal("Added “wttr.in” to Weather",
            (await db.ContentChanges.OrderByDescending(c => c.Id).FirstAsync()).Summary);
    }

    [Fact]
    public async Task A_bullet_added_to_a_section_that_ends_with_a_table_becomes_a_row_of_it()
    {
        // Otherwise: a suggestion accepted into a table's section, or a bookmarklet's entry, breaks the table's end.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        int section;
        await using (var db = app.Database.Open())
            section = await db.Sections.Where(s => s.Slug == "weather").Select(s => s.Id).SingleAsync();

        var outcome = await app.Services.GetRequiredService<EntryEditing>().AddAsync(section, null,
            "[wttr.in](https://wttr.example/): weather in a terminal", new EditorIdentity("u1", "ed@example.org"));

        Assert.IsType<EditOutcome.Saved>(outcome);
        Assert.Contains("|`apiKey`|\r\n| [wttr.in](https://wttr.example/) | weather in a terminal |  |\r\n",
            await ExportAsync(app));
    }

    [Fact]
    public async Task Moves_and_places_that_would_break_a_table_are_refused_with_a_sentence_and_write_nothing()
    {
        // Otherwise: moving the first row up or down carries the header lines away, a row moved before the header
        // becomes a stray line of pipes, and the exported file no longer reads back as the same table.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var editor = new EditorIdentity("u1", "ed@example.org");
        var placement = app.Services.GetRequiredService<EntryPlacement>();
        int section;
        await using (var db = app.Database.Open())
            section = await db.Sections.Where(s => s.Slug == "weather").Select(s => s.Id).SingleAsync();
        var before = await ExportAsync(app);

        Assert.Equal(TablePlacement.RowStays, Assert.IsType<EditOutcome.Invalid>(
            await placement.MoveUpAsync(await RowIdAsync(app, "Weatherstack"), editor)).Message);
        Assert.Equal(TablePlacement.RowStays, Assert.IsType<EditOutcome.Invalid>(
            await placement.MoveDownAsync(await RowIdAsync(app, "Open-Meteo"), editor)).Message);
        Assert.Equal(TablePlacement.RowStays, Assert.IsType<EditOutcome.Invalid>(await app.Services
            .GetRequiredService<EntryEditing>().AddAsync(section, null, "[wttr.in](https://wttr.example/): terminal",
                editor, place: 0)).Message);
        Assert.Equal(before, await ExportAsync(app));

        // A new row between the two existing ones stays inside the table.
        Assert.IsType<EditOutcome.Saved>(await app.Services.GetRequiredService<EntryEditing>().AddAsync(section, null,
            "[wttr.in](https://wttr.example/): terminal", editor, place: 1));
        Assert.Contains("| No |\r\n| [wttr.in](https://wttr.example/) | terminal |  |\r\n|[Weatherstack]",
            await ExportAsync(app));
    }

    [Fact]
    public async Task Retiring_a_tables_first_row_keeps_the_tables_header_on_the_page_and_in_the_export()
    {
        // Otherwise: the exported file's table loses its header lines with the row that carried them, and the next
        // import reads the remaining rows as prose.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var retired = await app.Services.GetRequiredService<EntryEditing>().RetireAsync(
            await RowIdAsync(app, "Open-Meteo"), new EditorIdentity("u1", "ed@example.org"));
        Assert.IsType<EditOutcome.Saved>(retired);

        Assert.Equal(List.Replace("| [Open-Meteo](https://open-meteo.example/) | Forecasts *worldwide* | No |\r\n",
            ""), await ExportAsync(app));
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/weather"));
        Assert.Equal(["API", "Description", "Auth", "Links"],
            page.QuerySelectorAll(".entry-table thead th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task Use_the_new_URL_on_a_row_rewrites_the_rows_link()
    {
        // Otherwise: the link-health report's fix for a moved page is refused for every row of a list kept in a table.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var id = await RowIdAsync(app, "Open-Meteo");
        await using (var db = app.Database.Open())
        {
            db.LinkStates.Add(new LinkState
            {
                NormalizedUrl = (await db.Entries.SingleAsync(e => e.Id == id)).NormalizedUrl!,
                Url = "https://open-meteo.example/", Host = "open-meteo.example", Outcome = LinkOutcome.Redirected,
                FinalUrl = "https://open-meteo.example/v2/",
            });
            await db.SaveChangesAsync();
        }
        var editor = await app.SignedInAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/link-health", "/link-health/use-url", new()
        {
            ["entryId"] = id.ToString(), ["url"] = "https://open-meteo.example/", ["target"] = "final",
        });

        Assert.Contains("Updated", await editor.FollowAsync(response));
        Assert.Equal(List.Replace("(https://open-meteo.example/)", "(https://open-meteo.example/v2/)"),
            await ExportAsync(app));
    }

    [Fact]
    public async Task A_row_edit_from_an_editor_made_a_reader_with_the_page_open_is_refused_and_saves_nothing()
    {
        // Otherwise: someone who lost the editor role keeps rewriting the table's rows from the page they had open.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var id = await RowIdAsync(app, "Weatherstack");
        var (email, user) = await app.AccountAsync(Roles.Editor);
        using var context = app.ContextFor(user);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/entries/{id}");
        var page = context.Render<EntryEditorPage>(p => p.Add(x => x.Id, id));
        page.WaitForState(() => page.FindAll("#cell-1").Count > 0, Patience);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var account = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.RemoveFromRolesAsync(account, await users.GetRolesAsync(account))).Succeeded);
        }
        var before = await app.Database.EveryRowAsync();

        page.Find("#cell-1").Change("Rewritten by a reader");
        await page.Find("form.entry-editor").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(EditorComponentBase.NotDone, page.Markup), Patience);
        Assert.Equal(before, await app.Database.EveryRowAsync());
    }
}
