using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Portal.Tests.Operations;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Api;

/// <summary>Who may write: only a live write-scope token of someone who is an editor or administrator now.</summary>
[Collection(PortalCollection.Name)]
public class TokenRefusalTests(TestDatabase server)
{
    private const string Ed = "ed@example.org";

    private static (HttpMethod Method, string Path, object? Body)[] Routes(long id) =>
    [
        (HttpMethod.Post, "/api/entries", new { url = "https://new.example/", section = "section-a", title = "New" }),
        (HttpMethod.Patch, $"/api/entries/{id}", new { markdown = "[Changed](https://changed.example/)" }),
        (HttpMethod.Delete, $"/api/entries/{id}", null),
        (HttpMethod.Post, $"/api/entries/{id}/restore", null),
    ];

    [Fact]
    public async Task Every_write_route_refuses_anonymous_cookie_read_scope_revoked_expired_malformed_and_demoted_tokens()
    {
        // Otherwise: a leaked, revoked or read-only token, a demoted editor's script, or a forged cross-site request
        // from a signed-in editor's browser changes the list.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        await app.CreateUserAsync("demoted@example.org", Roles.Editor);
        var read = await app.TokenAsync(Ed, TokenScope.Read);
        var revoked = await app.TokenAsync(Ed, TokenScope.Write, "revoked");
        var expired = await app.TokenAsync(Ed, TokenScope.Write, "expired");
        var demoted = await app.TokenAsync("demoted@example.org", TokenScope.Write);
        var good = await app.TokenAsync(Ed, TokenScope.Write, "good");
        await using (var db = app.Database.Open())
        {
            var now = DateTimeOffset.UtcNow;
            Assert.True(await ApiTokens.RevokeAsync(db, TokenId(revoked), null, now));
            await db.ApiTokens.Where(t => t.Name == "expired").ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now.AddMinutes(-1)));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByEmailAsync("demoted@example.org"))!, Roles.Editor)).Succeeded);
        }
        var editorsBrowser = await app.SignedInAsync(Roles.Editor);
        var id = await app.EntryIdAsync("Gone page");
        var etag = (await app.Client().GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();

        var credentials = new (string Who, HttpClient Client, string? Token, HttpStatusCode Expected)[]
        {
            ("anonymous", app.Client(), null, HttpStatusCode.Unauthorized),
            ("a signed-in editor's cookie", editorsBrowser, null, HttpStatusCode.Unauthorized),
            ("a malformed token", app.Client(), "not-a-token", HttpStatusCode.Unauthorized),
            ("a token with its secret changed", app.Client(), good[..^4] + "AAAA", HttpStatusCode.Unauthorized),
            ("a revoked token", app.Client(), revoked, HttpStatusCode.Unauthorized),
            ("an expired token", app.Client(), expired, HttpStatusCode.Unauthorized),
            ("a read-scope token", app.Client(), read, HttpStatusCode.Forbidden),
            ("a demoted editor's write token", app.Client(), demoted, HttpStatusCode.Forbidden),
        };
        foreach (var (who, client, token, expected) in credentials)
        foreach (var (method, path, body) in Routes(id))
        {
            var response = await client.SendAsync(method, path, token, body, etag);
            Assert.True(response.StatusCode == expected, $"{who}, {method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
            if (expected == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Empty(await app.HistoryAsync());

        // The same routes with a good token do write: the refusals above are not a broken route.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SendAsync(HttpMethod.Delete, $"/api/entries/{id}", good)).StatusCode);
    }

    [Fact]
    public async Task Ten_thousand_random_tokens_are_accepted_zero_times()
    {
        // Otherwise: guessing, or a token close to a real one, opens the write API.
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var real = await app.TokenAsync(Ed, TokenScope.Write);
        var realId = TokenId(real);
        var id = await app.EntryIdAsync("Gone page");
        var random = new Random(15);
        var client = app.Client();
        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var token = (i % 3) switch
            {
                // Well formed, naming the real token's row: only the secret's hash comparison stands in the way.
                0 => TokenSecret.Format(realId, TokenSecret.NewSecret()),
                1 => TokenSecret.Format(random.NextInt64(1, 1000), TokenSecret.NewSecret()),
                _ => new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => (char)random.Next(0x21, 0x7f)).ToArray()),
            };
            var response = await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", token);
            if (response.StatusCode != HttpStatusCode.Unauthorized) accepted++;
        }
        Assert.Equal(0, accepted);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Delete, $"/api/entries/{id}", real)).StatusCode);
    }

    [Fact]
    public async Task No_token_appears_in_the_log_after_writes_and_refusals()
    {
        // Otherwise: whoever reads the shipped log can write to the list.
        var sink = new CapturedLog();
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site, new()
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        }, sink);
        await app.CreateUserAsync(Ed, Roles.Editor);
        var write = await app.TokenAsync(Ed, TokenScope.Write);
        var read = await app.TokenAsync(Ed, TokenScope.Read, "reader");
        var id = await app.EntryIdAsync("Gone page");
        var client = app.Client();
        var etag = (await client.GetAsync($"/api/entries/{id}")).Headers.ETag?.ToString();
        foreach (var token in new[] { write, read, write[..^2] + "xx" })
        foreach (var (method, path, body) in Routes(id))
            await client.SendAsync(method, path, token, body, etag);
        await client.SendAsync(HttpMethod.Post, "/api/entries", write, "{broken");

        Assert.NotEmpty(sink.Events);
        var text = string.Join("\n", sink.Events.Select(e =>
            e.RenderMessage() + " " + e.Exception + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"))));
        foreach (var token in new[] { write, read })
        {
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(token[^43..], text);
        }
        Assert.DoesNotContain("Bearer cnl_", text);
    }

    private static long TokenId(string token) => TokenSecret.TryParse(token, out var id, out _) ? id : throw new ArgumentException(token);
}
