using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class GitHubReportTests(TestDatabase database)
{
    /// <summary>No name resolves: github.com links must be answered by the fake API, never dialled.</summary>
    private sealed class NoNames : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => throw new HttpRequestException($"no DNS in this test ({host})");
    }

    [Fact]
    public async Task With_a_token_an_archived_repository_is_listed_apart_and_a_renamed_one_offers_its_new_url()
    {
        // Otherwise: archived repositories sit unnoticed (or read as broken), and renamed ones keep their old name for ever.
        await using var site = new LinkSite();
        await using var api = new FixtureServer(new FakeGitHubApi().Answer);
        var settings = site.Settings(new()
        {
            ["LinkHealth:AllowedPorts:1"] = api.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:GitHub:Token"] = "ghp_portal-test",
            ["LinkHealth:GitHub:ApiBaseUrl"] = api.Url(""),
        });
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings,
            services: s => s.Replace(ServiceDescriptor.Singleton<IHostResolver, NoNames>()));
        await app.ImportAsync($"""
            # Test list

            ## Tools

            * [Old tool](https://github.com/octo/old)
            * [Renamed tool](https://github.com/octo/before)
            * [Working page]({site.Url("/ok")})

            """);

        await app.RunNowAsync();
        await app.RunNowAsync(); // two runs: enough for a failure to count as broken, which archived must not

        Assert.Equal(0, site.Server.Hits("/repos/octo/old")); // the API is its own server, not the list's site
        Assert.Equal(2, api.Hits("/repos/octo/old"));
        var editor = await app.SignedInAsync(Roles.Editor);
        var report = Html.Parse(await editor.GetStringAsync("/link-health"));
        var archived = report.QuerySelector("#archived li[data-archived='https://github.com/octo/old']");
        Assert.NotNull(archived);
        Assert.Contains("last push 2021-06-01", archived.TextContent);
        Assert.Contains("Old tool", archived.TextContent);
        Assert.Contains("No broken links.", report.QuerySelector("#broken")!.TextContent);
        var moved = report.QuerySelector("#moved")!;
        Assert.Contains("https://github.com/octo/before → https://github.com/neworg/after", moved.TextContent);
        Assert.NotNull(moved.QuerySelector("form[action='/link-health/use-url'] input[name='url'][value='https://github.com/octo/before']"));

        var csv = await editor.GetStringAsync("/link-health/report.csv");
        Assert.Contains(csv.Split("\r\n"), l => l.Contains("https://github.com/octo/old,Archived,200,no,0,") && l.EndsWith(",2021-06-01", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(await editor.GetStringAsync("/link-health/report.json"));
        Assert.Equal(0, json.RootElement.GetProperty("figures").GetProperty("broken").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("lastRunOutcomes").GetProperty("Archived").GetInt32());
        var listed = Assert.Single(json.RootElement.GetProperty("archivedRepositories").EnumerateArray());
        Assert.Equal("2021-06-01", listed.GetProperty("lastPush").GetString());
        var markdown = await editor.GetStringAsync("/link-health/report.md");
        Assert.Contains("## Archived repositories\n\n- <https://github.com/octo/old> (last push 2021-06-01) in Tools", markdown);

        var entryId = await app.QueryAsync(db => db.Entries.Where(e => e.Title == "Renamed tool").Select(e => e.Id).SingleAsync());
        var response = await editor.PostFormAsync("/link-health", "/link-health/use-url", new()
        {
            ["entryId"] = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["url"] = "https://github.com/octo/before", ["target"] = "final",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["https://github.com/neworg/after"],
            await app.QueryAsync(db => db.Links.Where(l => l.EntryId == entryId).Select(l => l.Url).ToListAsync()));
    }
}
