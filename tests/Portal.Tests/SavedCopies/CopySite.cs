using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.SavedCopies;

/// <summary>
/// Linked pages worth a copy, on 127.0.0.1: an article in its site's clutter, one that dies after its first night,
/// one that changes a little each time, pages that refuse copies, one over the size cap, one full of
/// injection payloads, and a PDF.
/// </summary>
public static class CopySite
{
    public const int MaxPageBytes = 16 * 1024;

    public static LinkSite Create() => new((path, n) => path switch
    {
        "/article" => Html(CopyPages.Article()),
        // A night asks each page once (the check reads it whole for its copy): it dies after the first night.
        "/dies" => n <= 1 ? Html(CopyPages.Article("A page that will die")) : Response(404, "Not Found"),
        "/changing" => Html(CopyPages.Article("A page that changes", $"<p>Update number {n} of this page.</p>")),
        "/noarchive-meta" => Html(CopyPages.NoArchiveMeta),
        "/noarchive-header" => Response(200, "OK", "Content-Type: text/html\r\nX-Robots-Tag: noarchive\r\n",
            CopyPages.Article()),
        "/huge" => Html(CopyPages.Article("A huge page", new string('x', MaxPageBytes * 2))),
        "/evil" => Html(CopyPages.Injection),
        "/paper" => Bytes("Content-Type: application/pdf\r\n", CopyPages.Pdf()),
        _ => null,
    });

    private static string Html(string body) =>
        Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", body);

    public static string List(LinkSite site) => $"""
        # Test list

        ## Section A

        * [An article]({site.Url("/article")})
        * [Dies]({site.Url("/dies")})
        * [Changing]({site.Url("/changing")})
        * [Private by meta]({site.Url("/noarchive-meta")})
        * [Private by header]({site.Url("/noarchive-header")})
        * [Huge]({site.Url("/huge")})
        * [Evil]({site.Url("/evil")})
        * [A paper]({site.Url("/paper")})

        """;

    public static async Task<PortalApp> StartAsync(LinkSite site, TestDatabase database,
        Dictionary<string, string?>? more = null, string role = "web")
    {
        var settings = new Dictionary<string, string?>
        {
            ["SavedCopies:MaxPageBytes"] = MaxPageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ChunkSize"] = "3",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        var app = await PortalApp.StartAsync(database, importSeed: false, site.Settings(settings), role);
        await app.ImportAsync(List(site));
        return app;
    }

    /// <summary>A run, then its copy jobs, as the job server would run them, here and now.</summary>
    public static async Task<CheckRun> RunAndCopyAsync(this PortalApp app)
    {
        var run = await app.RunNowAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<SavedCopyJobs>();
        for (var chunk = 0; chunk < run.ChunkCount; chunk++)
            await jobs.SaveChunkAsync(run.Id, chunk, CancellationToken.None);
        return run;
    }

    public static Task<long> EntryIdAsync(this PortalApp app, LinkSite site, string path) =>
        app.QueryAsync(db => db.Entries.Where(e => e.Url == site.Url(path)).Select(e => e.Id).SingleAsync());

    public static Task<List<SavedCopy>> CopiesAsync(this PortalApp app, LinkSite site, string path) =>
        app.QueryAsync(db => db.SavedCopies.AsNoTracking().Where(c => c.Url == site.Url(path))
            .OrderBy(c => c.Number).ToListAsync());
}
