using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Api;

/// <summary>The write API under the list's one text rule, its limits and its address rule: every refusal a 400
/// naming the field, never a 500.</summary>
[Collection(PortalCollection.Name)]
public class WriteApiTextTests(TestDatabase server)
{
    private const string Ed = "ed@example.org";

    private static async Task<(PortalApp App, LinkSite Site, string Token)> StartAsync(TestDatabase server)
    {
        var site = ApiWriters.Site();
        var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        return (app, site, await app.TokenAsync(Ed, TokenScope.Write));
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_nul_in_any_field_answers_400_naming_the_field_and_saves_nothing()
    {
        // Otherwise: POST and PATCH answer 500 with a stack trace in the log (PostgreSQL 22021) for one invisible byte.
        var (app, site, token) = await StartAsync(server);
        await using var _ = app;
        await using var __ = site;
        var fresh = site.Url("/fresh");
        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();
        var posts = new (object Body, string Field)[]
        {
            (new { url = fresh, section = "section-a", title = "a\0b" }, "\"title\""),
            (new { url = fresh + "a\0b", section = "section-a", title = "t" }, "\"url\""),
            (new { url = fresh, section = "section-a\0", title = "t" }, "\"section\""),
            (new { url = fresh, section = "section-a", title = "t", description = "d\0" }, "\"description\""),
            (new { url = fresh, section = "section-a", title = "t", authors = new[] { new { name = "A\0n" } } },
                "\"authors[0].name\""),
        };
        foreach (var (body, field) in posts)
        {
            var detail = await RefusedAsync(await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token, body));
            Assert.StartsWith($"{field} holds U+0000 (NUL) at character", detail);
        }
        var patch = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = $"[Gone\0page]({site.Url("/gone")})" }, etag);
        Assert.Equal("\"markdown\" holds U+0000 (NUL) at character 6, which the list cannot store: remove it.",
            await RefusedAsync(patch));
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task A_field_over_its_limit_answers_400_naming_the_field_and_the_limit()
    {
        // Otherwise: a script stores a 10 MB title and every page and feed listing it grows by 10 MB.
        var (app, site, token) = await StartAsync(server);
        await using var _ = app;
        await using var __ = site;
        var fresh = site.Url("/fresh");
        var title = TextField.EntryTitle.MaxLength;
        var cases = new (object Body, string Expected)[]
        {
            (new { url = fresh, section = "section-a", title = new string('t', title + 1) },
                $"\"title\" has {title + 1:N0} characters; the limit is {title:N0}."),
            (new { url = fresh + "?q=" + new string('q', TextField.WebAddress.MaxLength), section = "section-a",
                title = "t" },
                $"the limit is {TextField.WebAddress.MaxLength:N0}."),
            (new { url = fresh, section = "section-a", title = "t", description = new string('d', 50_000) },
                $"\"description\" has 50,000 characters; the limit is {TextField.EntryDescription.MaxLength:N0}."),
        };
        foreach (var (body, expected) in cases)
            Assert.EndsWith(expected,
                await RefusedAsync(await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token, body)));

        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();
        var patch = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = "[Long](https://long.example/) " + new string('w', TextField.EntryMarkdown.MaxLength) },
            etag);
        Assert.StartsWith("\"markdown\" has", await RefusedAsync(patch));
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task Ten_megabyte_titles_are_each_refused_and_nothing_grows()
    {
        // Otherwise (issue 21's probe): sixteen 10 MB titles were stored and the overview page grew to 168 MB.
        var (app, site, token) = await StartAsync(server);
        await using var _ = app;
        await using var __ = site;
        var huge = new string('T', 10 * 1024 * 1024);
        var before = (await app.Client().GetStringAsync("/")).Length;
        for (var i = 0; i < 4; i++)
        {
            var response = await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token,
                new { url = site.Url($"/fresh?{i}"), section = "section-a", title = huge });
            Assert.StartsWith("\"title\" has 10,485,760 characters; the limit is", await RefusedAsync(response));
        }
        Assert.Empty(await app.HistoryAsync());
        Assert.Equal(before, (await app.Client().GetStringAsync("/")).Length);
    }

    [Fact]
    public async Task Markdown_nested_past_the_limit_answers_400_naming_the_line_and_the_limit()
    {
        // Otherwise: one PATCH holds a core while Markdig works through what it can never render sensibly.
        var (app, site, token) = await StartAsync(server);
        await using var _ = app;
        await using var __ = site;
        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();
        var patch = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = string.Concat(Enumerable.Repeat("[a](b", 1_500)) }, etag);
        Assert.Equal("\"markdown\", line 1: more parentheses open at once than the limit of 64.",
            await RefusedAsync(patch));
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task A_markdown_link_to_javascript_is_kept_as_text_and_the_api_hands_out_no_url()
    {
        // Otherwise: GET /api/entries/{id} hands "javascript:alert(1)" to every consumer that renders "url" as a link.
        var (app, site, token) = await StartAsync(server);
        await using var _ = app;
        await using var __ = site;
        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();

        var patch = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = "[Click me](javascript:alert(1))" }, etag);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var entry = JsonDocument.Parse(await app.Client().GetStringAsync($"/api/entries/{id}")).RootElement;
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("url").ValueKind);
        Assert.Equal("Click me", entry.GetProperty("title").GetString());
        Assert.Equal("[Click me](javascript:alert(1))", entry.GetProperty("markdown").GetString());
        Assert.Equal(0, await app.QueryAsync(db => db.Links.CountAsync(l => l.EntryId == id)));
    }
}
