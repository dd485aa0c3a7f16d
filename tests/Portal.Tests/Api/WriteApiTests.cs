using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Api;

/// <summary>The write API as a script uses it: a token, JSON in, problem+json out when something is wrong.</summary>
[Collection(PortalCollection.Name)]
public class WriteApiTests(TestDatabase server)
{
    private const string Ed = "ed@example.org";

    [Fact]
    public async Task Adding_fetches_what_is_left_out_from_the_page_writes_the_lists_markdown_and_records_who_via_which_token()
    {
        // Otherwise: scripts add entries nobody can trace, in a shape the list's own file does not use, unseen by readers.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var token = await app.TokenAsync(Ed, TokenScope.Write, "feed-bot");
        var revisionBefore = await RevisionAsync(app);

        var response = await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token, new
        {
            url = site.Url("/fresh"), section = "section-b", published = "2024-03-01",
            authors = new[] { new { name = "Ann", url = "https://ann.example/" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await app.EntryIdAsync("Fresh page");
        Assert.Equal($"/api/entries/{id}", response.Headers.Location?.ToString());
        await using var db = app.Database.Open();
        var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal($"2024-03-01: [Fresh page]({site.Url("/fresh")}) by [Ann](https://ann.example/): All about it", entry.Markdown);
        Assert.Equal($"\"{entry.Version}\"", response.Headers.ETag?.ToString());
        var change = Assert.Single(await app.HistoryAsync());
        Assert.Equal("added", change.Action);
        Assert.Equal($"{Ed} via token feed-bot", change.UserName);
        Assert.Equal(await db.Users.Where(u => u.Email == Ed).Select(u => u.Id).SingleAsync(), change.UserId);
        Assert.True(await RevisionAsync(app) > revisionBefore, "the content revision did not move: readers keep stale pages");
    }

    [Fact]
    public async Task A_url_already_in_the_list_in_any_spelling_answers_409_with_its_address_unless_duplicates_are_allowed()
    {
        // Otherwise: a script that runs twice fills the list with copies of the same link.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var token = await app.TokenAsync(Ed, TokenScope.Write);
        var existing = await app.EntryIdAsync("Wrong title");
        var respelled = site.Url("/titled/") + "?utm_source=feed#top";

        var refused = await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token, new { url = respelled, section = "section-a" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.ContentType()?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains($"/sections/section-b#e-{existing}", problem.GetProperty("detail").GetString());
        Assert.Equal(existing, problem.GetProperty("existing")[0].GetProperty("id").GetInt64());
        Assert.Empty(await app.HistoryAsync());

        var allowed = await app.Client().SendAsync(HttpMethod.Post, "/api/entries", token,
            new { url = respelled, section = "section-a", title = "Titled, again", allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task A_change_over_a_newer_save_answers_412_with_the_current_version_and_keeps_the_newer_text()
    {
        // Otherwise: two scripts, or a script and an editor, overwrite each other's changes without a word.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var token = await app.TokenAsync(Ed, TokenScope.Write);
        var id = await app.EntryIdAsync("Wrong title");
        var read = await app.Client().GetAsync($"/api/entries/{id}");
        var etag = read.Headers.ETag?.ToString();
        Assert.NotNull(etag);

        var first = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = $"[Right title]({site.Url("/titled")})" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var newer = first.Headers.ETag?.ToString();
        Assert.NotEqual(etag, newer);

        var stale = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token,
            new { markdown = $"[Stale title]({site.Url("/titled")})" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.ContentType()?.MediaType);
        var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(newer, $"\"{problem.GetProperty("currentVersion").GetUInt32()}\"");
        Assert.Contains("Right title", problem.GetProperty("currentMarkdown").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Entries.CountAsync(e => e.Title == "Right title")));

        var unconditional = await app.Client().SendAsync(HttpMethod.Patch, $"/api/entries/{id}", token, new { markdown = "[X](https://x.example/)" });
        Assert.Equal((HttpStatusCode)428, unconditional.StatusCode);
    }

    [Fact]
    public async Task Delete_retires_an_entry_and_restore_brings_it_back_both_in_the_history()
    {
        // Otherwise: a script's removal cannot be undone, or is not seen in the history.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var token = await app.TokenAsync(Ed, TokenScope.Write);
        var id = await app.EntryIdAsync("Gone page");
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", token)).StatusCode);
        Assert.NotNull(await app.QueryAsync(db => db.Entries.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.RetiredAt).SingleAsync()));
        var again = await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already retired", await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"/api/entries/{id}/restore", token)).StatusCode);
        Assert.Null(await app.QueryAsync(db => db.Entries.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.RetiredAt).SingleAsync()));
        Assert.Equal(["retired", "unretired"], (await app.HistoryAsync()).Select(c => c.Action));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Delete, "/api/entries/999999", token)).StatusCode);
    }

    [Fact]
    public async Task Writes_beyond_the_tokens_allowance_answer_429_with_retry_after_and_other_tokens_go_on()
    {
        // Otherwise: a runaway script floods the list and the history, and every other script with it.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site, new() { ["Api:WritesPerMinute"] = "2" });
        await app.CreateUserAsync(Ed, Roles.Editor);
        var busy = await app.TokenAsync(Ed, TokenScope.Write, "busy");
        var other = await app.TokenAsync(Ed, TokenScope.Write, "other");
        var id = await app.EntryIdAsync("Gone page");
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", busy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"/api/entries/{id}/restore", busy)).StatusCode);
        var limited = await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", busy);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.ContentType()?.MediaType);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Null(await app.QueryAsync(db => db.Entries.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.RetiredAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", other)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_answers_400_problem_json_saying_what_to_change_and_saves_nothing()
    {
        // Otherwise: a script's mistake gets a bare 500 or a silent half-written entry.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var token = await app.TokenAsync(Ed, TokenScope.Write);
        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();
        var fresh = site.Url("/fresh");
        var cases = new (HttpMethod Method, string Path, object? Body, string Expected)[]
        {
            (HttpMethod.Post, "/api/entries", "{not json", "not the JSON"),
            (HttpMethod.Post, "/api/entries", null, "Content-Type: application/json"),
            (HttpMethod.Post, "/api/entries", "null", "body is empty"),
            (HttpMethod.Post, "/api/entries", new { url = "ftp://files.example/x", section = "section-a" }, "\"url\" must be"),
            (HttpMethod.Post, "/api/entries", new { url = fresh }, "\"section\" must"),
            (HttpMethod.Post, "/api/entries", new { url = fresh, section = "no-such" }, "There is no section"),
            (HttpMethod.Post, "/api/entries", $$"""{"url":"{{fresh}}","section":"section-a","published":"yesterday"}""", "$.published"),
            (HttpMethod.Post, "/api/entries", $$"""{"url":"{{fresh}}","section":"section-a","parent":"abc"}""", "$.parent"),
            (HttpMethod.Post, "/api/entries", new { url = fresh, section = "section-a", parent = 999999 }, "parent entry"),
            (HttpMethod.Post, "/api/entries", new { url = fresh, section = "section-a", authors = new[] { new { name = "" } } }, "needs a \"name\""),
            (HttpMethod.Post, "/api/entries", new { url = site.Url("/missing"), section = "section-a" }, "Give the entry a title"),
            (HttpMethod.Patch, $"/api/entries/{id}", new { markdown = "" }, "\"markdown\""),
            (HttpMethod.Patch, $"/api/entries/{id}", new { markdown = "* one\n* two" }, "one bullet"),
        };
        foreach (var (method, path, body, expected) in cases)
        {
            var response = await app.Client().SendAsync(method, path, token, body, method == HttpMethod.Patch ? etag : null);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
            Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        }
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task The_write_routes_are_described_in_the_openapi_document()
    {
        // Otherwise: script authors have to guess the routes, fields and error answers.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var document = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/entries").TryGetProperty("post", out var add));
        Assert.True(add.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/entries/{id}").TryGetProperty("patch", out var patch));
        Assert.True(patch.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(paths.GetProperty("/api/entries/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/entries/{id}/restore").TryGetProperty("post", out _));
    }

    private static Task<long> RevisionAsync(PortalApp app) => app.QueryAsync(db => db.ReadingLists.Select(l => l.Revision).SingleAsync());
}
