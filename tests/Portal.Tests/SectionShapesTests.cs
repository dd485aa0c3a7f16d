using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests;

/// <summary>A list kept in a table and a guide written in prose, on the reader page: shown as written.</summary>
[Collection(PortalCollection.Name)]
public class SectionShapesTests(TestDatabase server)
{
    private const string List = """
        # APIs

        ## Weather

        Free weather services.

        | API | Description | Auth |
        |---|---|---|
        | [Open-Meteo](https://open-meteo.example/) | Forecasts *worldwide* | No |
        | [Weatherstack](https://weatherstack.example/) | Current weather | `apiKey` |

        ## Guide

        Read [the overlay guide](https://guide.example/overlays) before you start.

        ## Tools

        <a href="https://x.example/">Name</a> - description<br>
        <b>Other</b> <a href="https://y.example/">Second</a> - more<br>

        [Markdown](https://md.example/) - written in Markdown, *emphasised*.

        * [Bullet](https://bullet.example/) - holds <b>raw</b> HTML

        """;

    [Fact]
    public async Task A_table_section_shows_one_table_with_its_header_and_a_row_per_entry()
    {
        // Otherwise: a list kept in a table shows each row as a bullet with its "|" characters visible, or the
        // header twice, and a row has no permalink.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/weather"));

        var table = Assert.Single(page.QuerySelectorAll(".entry-table table"));
        Assert.Equal(["API", "Description", "Auth", "Links"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        await using var db = app.Database.Open();
        var ids = db.Entries.Where(e => e.Section.Slug == "weather").OrderBy(e => e.Position).Select(e => e.Id)
            .ToList();
        Assert.Equal(ids.Select(id => $"e-{id}"), rows.Select(r => r.Id));
        Assert.Equal(ids.Select(id => $"/sections/weather#e-{id}"),
            rows.Select(r => r.QuerySelector("a.copy-link")!.GetAttribute("href")));
        Assert.Equal("https://open-meteo.example/", rows[0].QuerySelector("td a")!.GetAttribute("href"));
        Assert.Equal("worldwide", rows[0].QuerySelector("td em")!.TextContent);
        Assert.Equal("apiKey", rows[1].QuerySelector("td code")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".entries li"));
        Assert.Equal("Free weather services.", page.QuerySelector(".intro")!.TextContent.Trim());
        Assert.DoesNotContain("|", page.QuerySelector("article.section")!.TextContent);
    }

    [Fact]
    public async Task A_table_keeps_its_header_when_an_editor_rewrites_the_sections_introduction()
    {
        // Otherwise: an editor who shortens the text above a table deletes its header lines with it, and the page
        // (and the exported file) shows a table without column names.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        await using (var db = app.Database.Open())
        {
            var section = db.Sections.Single(s => s.Slug == "weather");
            Assert.Equal("\nFree weather services.\n\n", section.IntroMarkdown);
            var edited = await app.Services.GetRequiredService<SectionEditing>().UpdateAsync(section.Id,
                section.Version, section.Title, "Weather services.", new EditorIdentity("u1", "ed@example.org"));
            Assert.IsType<EditOutcome.Saved>(edited);
        }
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/weather"));

        Assert.Equal(["API", "Description", "Auth", "Links"],
            page.QuerySelectorAll(".entry-table thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("Weather services.", page.QuerySelector(".intro")!.TextContent.Trim());
        await using var after = app.Database.Open();
        Assert.Contains("Weather services.\n\n| API | Description | Auth |\n|---|---|---|\n| [Open-Meteo]",
            await Domain.Importing.ListExporter.ExportMarkdownAsync(after));
    }

    [Fact]
    public async Task A_passage_is_shown_as_its_paragraph_with_a_permalink_not_as_a_list_item()
    {
        // Otherwise: a guide written in prose shows each paragraph as a bullet, or loses its anchor.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/guide"));

        var passage = Assert.Single(page.QuerySelectorAll(".entry-passage"));
        await using var db = app.Database.Open();
        var id = db.Entries.Where(e => e.Section.Slug == "guide").Select(e => e.Id).Single();
        Assert.Equal($"e-{id}", passage.Id);
        var paragraph = passage.QuerySelector(".passage-text > p")!;
        Assert.Equal("Read the overlay guide before you start.", paragraph.TextContent);
        Assert.Equal("https://guide.example/overlays", paragraph.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/sections/guide#e-{id}", passage.QuerySelector("a.copy-link")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("li.entry"));
    }

    [Fact]
    public async Task A_passage_written_in_html_shows_its_links_as_links_like_markdown_ones_and_a_bullet_does_not()
    {
        // Otherwise: a list whose entries are written as HTML shows its tags as text and nothing to click, or its
        // links lack the rel a Markdown link has; or a bullet's raw HTML starts being rendered as markup.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        var page = Html.Parse(await app.Client().GetStringAsync("/sections/tools"));

        var passages = page.QuerySelectorAll(".entry-passage .passage-text");
        Assert.Equal(2, passages.Length);
        var html = passages[0];
        Assert.Equal("Name - description\nOther Second - more", html.TextContent.Trim());
        Assert.Equal(["https://x.example/", "https://y.example/"],
            html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Other", html.QuerySelector("b")!.TextContent);
        Assert.Equal(2, html.QuerySelectorAll("br").Length);
        var markdownLink = passages[1].QuerySelector("a")!;
        Assert.Equal("emphasised", passages[1].QuerySelector("em")!.TextContent);
        static string Attributes(AngleSharp.Dom.IElement a) => string.Join(" ",
            a.Attributes.Where(x => x.Name != "href").Select(x => $"{x.Name}={x.Value}").Order());
        Assert.Equal("rel=noopener noreferrer nofollow", Attributes(markdownLink));
        Assert.All(html.QuerySelectorAll("a"), a => Assert.Equal(Attributes(markdownLink), Attributes(a)));

        var bullet = Assert.Single(page.QuerySelectorAll("li.entry .entry-text"));
        Assert.Contains("holds <b>raw</b> HTML", bullet.TextContent);
        Assert.Null(bullet.QuerySelector("b"));
    }
}
