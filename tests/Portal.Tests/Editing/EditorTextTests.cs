using Bunit;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>
/// The editors' forms and operations under the list's one text rule and its limits: a sentence saying what to change,
/// nothing saved, never a server error.
/// </summary>
[Collection(PortalCollection.Name)]
public class EditorTextTests(TestDatabase server)
{
    private const string List =
        "# Containers\n\n## Overlays\n\n* 2020-01-01: [First overlay post](https://first.example/) by Ann\n";
    private static readonly EditorIdentity Ed = new("user-1", "ed@example.org");

    private static async Task<(PortalApp App, BunitContext Context)> StartAsync(TestDatabase server)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        return (app, await app.EditorContextAsync());
    }

    private static T Get<T>(PortalApp app) where T : notnull => app.Services.GetRequiredService<T>();

    private static async Task<string> ExportAsync(PortalApp app)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        return await Domain.Importing.ListExporter.ExportMarkdownAsync(db);
    }

    private static async Task<int> OverlaysAsync(PortalApp app) =>
        (await Get<EditorQueries>(app).SectionsAsync()).Single(s => s.Slug == "overlays").Id;

    [Fact]
    public async Task The_add_form_names_a_field_holding_a_nul_or_over_its_limit_and_saves_nothing()
    {
        // Otherwise: "Add" fails with a server error that ends the editor's session, or stores a 10 MB title.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var form = context.Render<NewEntryForm>(p => p.Add(f => f.InitialSectionId, 0));
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1);
        Assert.Equal(TextField.EntryTitle.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            form.Find("#new-title").GetAttribute("maxlength"));
        var overlays = (await OverlaysAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Each found and fired in one step: the section and the address re-render the form when their look-ups end.
        await form.InvokeAsync(() => form.Find("#new-section").Change(overlays));
        await form.InvokeAsync(() => form.Find("#new-url").Change("https://nul.example/"));

        await form.InvokeAsync(() => form.Find("#new-title").Input("A title with a \0 in it"));
        await form.Find("form.entry-form").SubmitAsync();
        Assert.Contains("The title holds U+0000 (NUL) at character 16",
            form.Find("[data-testid=form-errors]").TextContent);

        form.Find("#new-title").Input(new string('t', TextField.EntryTitle.MaxLength + 1));
        await form.Find("form.entry-form").SubmitAsync();
        Assert.Contains($"the limit is {TextField.EntryTitle.MaxLength:N0}",
            form.Find("[data-testid=form-errors]").TextContent);
        Assert.Equal(List, await ExportAsync(app));
    }

    [Fact]
    public async Task The_entry_editor_refuses_markdown_holding_a_nul_with_a_sentence_and_keeps_the_stored_text()
    {
        // Otherwise: the save ends the editor's session with an error and what they typed is lost.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var entry = (await Get<EditorQueries>(app).SectionEntriesAsync(await OverlaysAsync(app))).Single();
        var form = context.Render<EntryEditorForm>(p => p.Add(f => f.Entry, entry));
        form.WaitForState(() => form.FindAll("#entry-markdown").Count > 0);

        form.Find("#entry-markdown").Input("2020-01-01: [First overlay post](https://first.example/) by Ann\u0001");
        await form.Find("form.entry-editor").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("The entry's Markdown holds U+0001 (a control character)",
            form.Find("[role=alert]").TextContent));
        Assert.Equal(List, await ExportAsync(app));
    }

    [Fact]
    public async Task The_bulk_add_preview_names_the_line_holding_a_nul_or_nested_past_the_limit()
    {
        // Otherwise: the preview stalls on a deeply nested paste, or "Add all" fails with a server error.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        context.Renderer.SetRendererInfo(
            new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = context.Render<BulkAddPage>();
        page.WaitForState(() => page.FindAll("#bulk-section option").Count > 1);

        page.Find("#bulk-markdown").Change("* [a](https://a.example/)\n* [b](https://b.example/) \0\n");
        await page.Find("form.bulk-form").SubmitAsync();
        Assert.Contains("Line 2: U+0000 (NUL)", page.Find("[role=alert]").TextContent);

        page.Find("#bulk-markdown").Change(string.Concat(Enumerable.Range(0, 40).Select(i =>
            new string(' ', 2 * i) + $"* [e{i}](https://e.example/{i})\n")));
        await page.Find("form.bulk-form").SubmitAsync();
        Assert.Contains("Line 33: lists or block quotes nested deeper than the limit of 32 levels",
            page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=bulk-preview]"));

        var added = await Get<BulkAdd>(app).AddAsync(await OverlaysAsync(app),
            BulkFragment.Parse("* [x](https://x.example/)\0"), Ed);
        Assert.StartsWith("Line 1: U+0000 (NUL)", Assert.IsType<EditOutcome.Invalid>(added).Message);
        Assert.Equal(List, await ExportAsync(app));
    }

    [Fact]
    public async Task Section_titles_introductions_and_exclusion_reasons_follow_the_same_rule()
    {
        // Otherwise: a section or an exclusion rule typed with a control character answers a server error.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var sections = Get<SectionEditing>(app);
        var created = await sections.CreateAsync("Tun\0nels", null, Ed);
        Assert.StartsWith("The section title holds U+0000", Assert.IsType<EditOutcome.Invalid>(created).Message);

        var overlays = (await Get<EditorQueries>(app).SectionsAsync()).Single(s => s.Slug == "overlays");
        var intro = await sections.UpdateAsync(overlays.Id, overlays.Version, "Overlays",
            new string('i', TextField.SectionIntro.MaxLength + 1), Ed);
        Assert.EndsWith($"the limit is {TextField.SectionIntro.MaxLength:N0}.",
            Assert.IsType<EditOutcome.Invalid>(intro).Message);

        var (done, problems) = await Get<ExclusionEditing>(app).AddAsync("host", "bots.example", "blocks\0bots",
            null, Ed, CancellationToken.None);
        Assert.Null(done);
        Assert.Contains(problems, p => p.StartsWith("The reason holds U+0000", StringComparison.Ordinal));
        Assert.Equal(List, await ExportAsync(app));
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        Assert.Equal(0, await db.LinkExclusions.CountAsync());
    }
}
