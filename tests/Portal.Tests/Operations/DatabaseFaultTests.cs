using System.Diagnostics;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>The portal against a PostgreSQL of the test's own, stopped and started under it.</summary>
[Collection(PortalCollection.Name)]
public class DatabaseFaultTests(TestDatabase database)
{
    private const string List = "# Faults\n\n## Overlays\n\n* 2020-01-01: [Geneve in depth](https://geneve.example/) by Ann\n";

    [Fact]
    public async Task The_portal_starts_without_its_database_and_rides_out_a_database_restart_without_restarting()
    {
        // Otherwise: a database that starts slower than the portal, or restarts for an upgrade, takes the portal down until someone restarts it.
        await using var cluster = await OwnCluster.StartAsync("restart");
        await using var app = await cluster.PortalAsync(database, List, role: "all");
        await cluster.StopAsync();

        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);

        await cluster.StartAgainAsync();
        await ReadyAsync(client, HttpStatusCode.OK, "after the database came up");
        Assert.Contains("Geneve in depth", await client.GetStringAsync("/sections/overlays"));

        await cluster.StopAsync();
        await ReadyAsync(client, HttpStatusCode.ServiceUnavailable, "while the database was down");
        await cluster.StartAgainAsync();
        await ReadyAsync(client, HttpStatusCode.OK, "after the database restarted");
        // Fresh queries, not cached pages: each reaches the database through the pool that lived through the restart.
        for (var i = 0; i < 10; i++)
        {
            var response = await client.GetAsync($"/search?q=geneve&n={i}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"search {i} after the restart answered {(int)response.StatusCode}");
            Assert.Contains("https://geneve.example/", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/entries/1")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_request_during_an_outage_answers_503_and_the_session_outlives_it()
    {
        // Otherwise: while the database restarts, every signed-in editor's page is a 500, or the outage signs them
        // all out.
        await using var cluster = await OwnCluster.StartAsync("sessions");
        await using var app = await cluster.PortalAsync(database, List);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var saved = (await app.SignInAsync("ed@example.org")).CookieHeader;

        await cluster.StopAsync();
        var during = await app.Replaying(saved).GetAsync("/admin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.DoesNotContain(during.Headers.TryGetValues("Set-Cookie", out var set) ? set : [],
            cookie => cookie.StartsWith(SavedCookies.SignInCookie + "=", StringComparison.Ordinal));

        await cluster.StartAgainAsync();
        await Eventually.ReadAsync(async () => (await app.Replaying(saved).GetAsync("/admin")).StatusCode,
            status => status == HttpStatusCode.OK, status => $"/admin answered {(int)status} after the restart",
            TimeSpan.FromSeconds(60), everyMs: 250);
    }

    private static Task ReadyAsync(HttpClient client, HttpStatusCode expected, string when) =>
        Eventually.ReadAsync(async () => (await client.GetAsync("/healthz/ready")).StatusCode, status => status == expected,
            status => $"/healthz/ready answered {(int)status}, not {(int)expected}, for a minute {when}",
            TimeSpan.FromSeconds(60), everyMs: 250);
}
