using Bunit;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>
/// The editor components' states, rendered by bUnit with the portal's real services over a real
/// PostgreSQL database: what an editor sees when a field is missing, a URL is already listed, or
/// someone else saved first.
/// </summary>
[Collection(PortalCollection.Name)]
public class EditorComponentTests(TestDatabase server)
{
    private const string List = "# Containers\n\n## Overlays\n\n* 2020-01-01: [First overlay post](https://first.example/) by Ann\n";

    private static async Task<(PortalApp App, BunitContext Context)> StartAsync(TestDatabase server)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        return (app, await app.EditorContextAsync());
    }

    [Fact]
    public async Task Adding_without_a_title_or_section_says_what_is_missing_and_saves_nothing()
    {
        // Otherwise: the editor clicks "Add" and nothing tells them why no entry appeared.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var form = context.Render<NewEntryForm>();
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1);
        await form.Find("form.entry-form").SubmitAsync();

        var errors = form.Find("[data-testid=form-errors]").TextContent;
        Assert.Contains("Give the entry a title.", errors);
        Assert.Contains("Choose a section.", errors);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Entries.CountAsync());
    }

    [Fact]
    public async Task A_url_already_in_the_list_is_flagged_with_a_link_to_where_it_stands()
    {
        // Otherwise: the same article is added twice and readers see it in two places.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var form = context.Render<NewEntryForm>(p => p.Add(f => f.InitialUrl, "https://FIRST.example"));

        form.WaitForAssertion(() => Assert.Contains("already in the list", form.Find("[data-testid=duplicate-warning]").TextContent));
        var link = form.Find("[data-testid=duplicate-warning] a");
        Assert.StartsWith("/sections/overlays#e-", link.GetAttribute("href"));
        Assert.Equal("First overlay post", link.TextContent);

        form.Find("#new-url").Change("https://new.example/");
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=duplicate-warning]")));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_shows_their_text_and_keeps_yours_in_the_editor()
    {
        // Otherwise: the second editor's save either overwrites the first one's or vanishes without a word.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var entry = (await app.Services.GetRequiredService<EditorQueries>().SectionEntriesAsync(
            (await app.Services.GetRequiredService<EditorQueries>().SectionsAsync()).Single(s => s.Slug == "overlays").Id)).Single();
        var form = context.Render<EntryEditorForm>(p => p.Add(f => f.Entry, entry));
        // Its first render waits for the check of the editor's account.
        form.WaitForElement("#entry-markdown");

        var other = await app.Services.GetRequiredService<EntryEditing>().UpdateAsync(entry.Id, entry.Version,
            "2020-01-01: [First overlay post, by someone else](https://first.example/) by Ann", new EditorIdentity("u2", "anna@example.org"));
        Assert.IsType<EditOutcome.Saved>(other);

        form.Find("#entry-markdown").Input("2020-01-01: [First overlay post](https://first.example/) by Ann: mine");
        Assert.Contains("mine", form.Find("[data-testid=preview]").TextContent);
        await form.Find("form.entry-editor").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("by someone else", form.Find("[data-testid=their-text]").TextContent));
        Assert.Contains("anna@example.org", form.Find("[data-testid=conflict]").TextContent);
        Assert.Equal("2020-01-01: [First overlay post](https://first.example/) by Ann: mine", form.Find("#entry-markdown").GetAttribute("value"));
        Assert.Contains("Not saved", form.Find("[role=alert]").TextContent);
    }

    [Fact]
    public async Task Editing_the_fields_rewrites_the_markdown_in_the_lists_convention_keeping_author_links()
    {
        // Otherwise: fixing a title means hand-editing Markdown brackets, and an author's link is lost on the way.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        await app.ImportAsync("# Containers\n\n## Overlays\n\n* 2020-01-01: [First overlay post](https://first.example/) by [Ann](https://ann.example/)\n");
        var queries = app.Services.GetRequiredService<EditorQueries>();
        var id = (await queries.SectionEntriesAsync((await queries.SectionsAsync()).Single(s => s.Slug == "overlays").Id)).Single().Id;
        var entry = (await queries.EntryAsync(id))!;
        var form = context.Render<EntryEditorForm>(p => p.Add(f => f.Entry, entry));
        // Its first render waits for the check of the editor's account.
        form.WaitForElement("#entry-markdown");

        Assert.Equal("Ann", form.Find("#field-authors").GetAttribute("value"));
        form.Find("#field-title").Change("The first overlay post, revised");
        form.Find("#field-authors").Change("Ann, Bo");
        form.Find("#field-description").Change("with a diagram");
        form.FindAll("button").Single(b => b.TextContent == "Use these fields").Click();

        // A click runs once the account has been checked: its answer comes a moment later.
        form.WaitForAssertion(() => Assert.Equal("2020-01-01: [The first overlay post, revised](https://first.example/) by [Ann](https://ann.example/) and Bo: with a diagram",
            form.Find("#entry-markdown").GetAttribute("value")));
        Assert.Contains("The first overlay post, revised", form.Find("[data-testid=preview]").TextContent);

        form.Find("#field-title").Change("");
        form.FindAll("button").Single(b => b.TextContent == "Use these fields").Click();
        form.WaitForAssertion(() => Assert.Contains("Give the entry a title.", form.Find("[role=alert]").TextContent));
    }

    [Fact]
    public async Task A_preview_never_renders_script_from_the_markdown()
    {
        // Otherwise: an editor pasting a hostile snippet runs it in every other editor's session.
        var (app, context) = await StartAsync(server);
        await using var _ = app;
        using var __ = context;
        var form = context.Render<NewEntryForm>();
        // The form reads the sections first; typing before that finishes would race its first render.
        form.WaitForState(() => form.FindAll("#new-section option").Count > 1);
        form.Find("#new-title").Input("x");
        form.Find("#new-description").Input("<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>");
        form.WaitForAssertion(() => Assert.Contains("click", form.Find("[data-testid=preview]").TextContent));
        var preview = form.Find("[data-testid=preview]");
        var elements = preview.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.TagName is "SCRIPT" or "IMG");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }
}
