using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Api;

/// <summary>Twenty scripts adding the same new address at the same moment: one entry, nineteen told it is
/// there.</summary>
[Collection(PortalCollection.Name)]
public class ConcurrentAddTests(TestDatabase server)
{
    public const int Rounds = 5;
    public const int Together = 20;

    [Fact]
    public async Task Twenty_adds_of_the_same_new_address_at_once_make_one_entry_and_nineteen_409s_every_round()
    {
        // Otherwise: a feed bot run twice, or two scripts fed by the same feed, fill the list with copies of one link
        // whenever they happen to post together, although each one alone is told "already in the list".
        await using var site = ApiWriters.Site();
        await using var app = await ApiWriters.StartAsync(server, site,
            new() { ["Api:WritesPerMinute"] = "100000" });
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var token = await app.TokenAsync("ed@example.org", TokenScope.Write);
        var client = app.Client();

        var rounds = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var url = $"https://same-moment.example/{round}";
            // Title and description given: nothing is fetched, the requests meet at the database.
            var answers = await AtOnce.RunAsync(Enumerable.Range(0, Together).Select(_ =>
                (Func<Task<HttpStatusCode>>)(async () => (await client.SendAsync(HttpMethod.Post, "/api/entries",
                    token, new { url, section = "section-a", title = "Same moment", description = "At once" }))
                    .StatusCode)));
            var entries = await EntriesAtAsync(app, url);
            rounds.Add($"round {round + 1}: {answers.Count(a => a == HttpStatusCode.Created)} created, " +
                $"{answers.Count(a => a == HttpStatusCode.Conflict)} refused (409), {entries} entries");
            Assert.All(answers, a => Assert.True(a is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a}"));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", rounds));
        Assert.True(rounds.All(r => r.EndsWith($": 1 created, {Together - 1} refused (409), 1 entries",
            StringComparison.Ordinal)), string.Join("\n", rounds));
    }

    /// <summary>Entries, live or retired, whose address is exactly <paramref name="url"/>.</summary>
    internal static async Task<int> EntriesAtAsync(PortalApp app, string url)
    {
        await using var db = app.Database.Open();
        return await db.Entries.IgnoreQueryFilters().CountAsync(e => e.Url == url);
    }
}
