using System.Net;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Editing;

/// <summary>Editors' changes to a list kept with a byte order mark and CR LF (or mixed) endings, seen in the export.
/// </summary>
[Collection(PortalCollection.Name)]
public class LineEndingEditTests(TestDatabase server)
{
    private static readonly EditorIdentity Ed = new("user-1", "ed@example.org");

    private const string CrlfList = "\uFEFF# Containers\r\n\r\n## Overlays\r\n\r\n" +
        "* 2020-01-01: [First overlay post](https://first.example/) by Ann\r\n" +
        "* 2020-02-01: [Second overlay post](https://second.example/) by Bob\r\n";

    private static T Get<T>(PortalApp app) where T : notnull => app.Services.GetRequiredService<T>();

    private static async Task<PortalApp> StartAsync(TestDatabase server, string list)
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(list);
        return app;
    }

    /// <summary>The file as an editor downloads it from /admin/export.md, as bytes.</summary>
    private static async Task<byte[]> DownloadAsync(PortalApp app)
    {
        var editor = await app.SignedInAsync(Domain.Accounts.Roles.Editor);
        var response = await editor.GetAsync("/admin/export.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(int Section, long Entry, uint Version)> EntryAsync(PortalApp app, string title)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>(app).CreateDbContextAsync();
        var entry = await db.Entries.IgnoreQueryFilters().Where(e => e.Title == title)
            .Select(e => new { e.SectionId, e.Id, e.Version }).SingleAsync();
        return (entry.SectionId, entry.Id, entry.Version);
    }

    [Fact]
    public async Task An_entry_added_to_a_crlf_file_exports_with_crlf_and_the_byte_order_mark_stays()
    {
        // Otherwise: a Windows team's file, downloaded after one edit, has an LF line in the middle of CR LF ones
        // (or lost its mark), and git diff shows lines nobody changed.
        await using var app = await StartAsync(server, CrlfList);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(CrlfList), await DownloadAsync(app));
        var (section, _, _) = await EntryAsync(app, "First overlay post");
        var markdown = EntryMarkdown.Compose(new DateOnly(2024, 3, 15), "Geneve in depth", "https://geneve.example/a",
            [], null);

        Assert.IsType<EditOutcome.Saved>(await Get<EntryEditing>(app).AddAsync(section, null, markdown, Ed));

        var expected = CrlfList + "* 2024-03-15: [Geneve in depth](https://geneve.example/a)\r\n";
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), await DownloadAsync(app));
    }

    [Fact]
    public async Task An_entry_changed_in_a_mixed_file_takes_the_dominant_ending_and_its_neighbours_keep_theirs()
    {
        // Otherwise: one save unifies a mixed file's endings, or leaves the changed line ending unlike the file.
        const string mixed = "# Containers\r\n\r\n## Overlays\r\n\r\n" +
            "* 2020-01-01: [First overlay post](https://first.example/) by Ann\n" +
            "* 2020-02-01: [Second overlay post](https://second.example/) by Bob\n" +
            "* 2020-03-01: [Third overlay post](https://third.example/) by Cy\r\n";
        await using var app = await StartAsync(server, mixed);
        var (_, id, version) = await EntryAsync(app, "First overlay post");

        var outcome = await Get<EntryEditing>(app).UpdateAsync(id, version,
            "2020-01-01: [First overlay post, fixed](https://first.example/) by Ann", Ed);

        Assert.IsType<EditOutcome.Saved>(outcome);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(mixed.Replace("post](https://first.example/) by Ann\n",
            "post, fixed](https://first.example/) by Ann\r\n", StringComparison.Ordinal)), await DownloadAsync(app));
    }
}
