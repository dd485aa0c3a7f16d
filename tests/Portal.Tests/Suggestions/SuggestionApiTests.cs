using System.Net;
using System.Text.Json;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Suggestions;

/// <summary><c>POST /api/suggestions</c> as a member's script uses it: any token, JSON in, each answer its status.
/// </summary>
[Collection(PortalCollection.Name)]
public class SuggestionApiTests(TestDatabase server)
{
    private const string Ann = "ann@example.org";
    private const string Bob = "bob@example.org";

    [Fact]
    public async Task A_readers_token_suggests_a_new_page_which_is_checked_once_and_queued_with_its_own_title()
    {
        // Otherwise: readers have no way in, a suggestion waits without its title, or the editor cannot tell whether
        // the page still answers.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var token = await app.ReaderTokenAsync(Ann);

        var response = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token, new
        {
            url = site.Url("/fresh"), section = "section-b", why = "Best intro I know",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("working", answer.GetProperty("check").GetString());
        Assert.Equal("Fresh page", answer.GetProperty("title").GetString());
        var suggestion = Assert.Single(await app.SuggestionsAsync());
        Assert.Equal(site.Url("/fresh"), suggestion.NormalizedUrl);
        Assert.Equal((SuggestionState.Pending, "Fresh page", "Best intro I know", LinkOutcome.Ok),
            (suggestion.State, suggestion.Title, suggestion.Why, suggestion.CheckOutcome));
        Assert.Single(suggestion.Members);
        Assert.Equal(1, site.Server.Hits("/fresh"));
        Assert.Empty(await app.HistoryAsync());
    }

    [Fact]
    public async Task A_second_member_suggesting_a_waiting_address_in_another_spelling_is_added_to_it_with_200()
    {
        // Otherwise: the queue fills with copies of one link, and the editor cannot see that three people want it.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var ann = await app.ReaderTokenAsync(Ann);
        var bob = await app.ReaderTokenAsync(Bob);
        await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", ann,
            new { url = site.Url("/fresh"), section = "section-a" });

        var again = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", bob,
            new { url = site.Url("/fresh/") + "#top", section = "section-b" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("added your name", answer.GetProperty("status").GetString());
        Assert.Equal(2, answer.GetProperty("people").GetInt32());
        Assert.Equal(2, Assert.Single(await app.SuggestionsAsync()).Members.Count);
        Assert.Equal(1, site.Server.Hits("/fresh"));
    }

    [Fact]
    public async Task An_address_already_in_the_list_answers_409_with_the_entrys_permalink_and_queues_nothing()
    {
        // Otherwise: members suggest what the list holds, and editors review links they already have.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var token = await app.ReaderTokenAsync(Ann);
        var existing = await app.EntryIdAsync("Wrong title");

        var response = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
            new { url = site.Url("/titled/") + "?utm_medium=x", section = "section-a" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/entries/{existing}", problem.GetProperty("entry").GetString());
        Assert.Contains("Section B", problem.GetProperty("detail").GetString());
        Assert.Empty(await app.SuggestionsAsync());
        Assert.Equal(0, site.Server.Hits("/titled"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "url", "the link checker refuses it")]
    [InlineData("http://10.1.2.3/admin", "url", "the link checker refuses it")]
    [InlineData("ftp://example.org/file", "url", "http://")]
    [InlineData("", "url", "Enter the web address")]
    public async Task An_inside_address_or_bad_address_answers_422_naming_the_problem_and_queues_nothing(string url,
        string field, string words)
    {
        // Otherwise: a member makes the portal fetch inside the network, or a bad address gets a 500 or a bare status.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var token = await app.ReaderTokenAsync(Ann);

        var response = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
            new { url, section = "section-a" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString());
        Assert.Empty(await app.SuggestionsAsync());
    }

    [Fact]
    public async Task A_missing_section_an_unknown_one_or_a_title_over_the_entries_limit_answers_422_naming_the_field()
    {
        // Otherwise: a wrong field is stored and breaks the queue, or the member is told nothing useful.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var token = await app.ReaderTokenAsync(Ann);
        var url = site.Url("/fresh");

        foreach (var (body, field) in new (object, string)[]
        {
            (new { url }, "section"),
            (new { url, section = "no-such-section" }, "section"),
            (new { url, section = "section-a", title = new string('t', 501) }, "title"),
            (new { url, section = "section-a", why = new string('w', 301) }, "why"),
        })
        {
            var response = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
        Assert.Empty(await app.SuggestionsAsync());
    }

    [Fact]
    public async Task The_check_result_is_kept_and_told_moved_with_its_new_address_gone_and_no_title_left_empty()
    {
        // Otherwise: the editor adds an old address or a dead page without being told, or a made-up title.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var token = await app.ReaderTokenAsync(Ann);

        var checks = new List<string?>();
        foreach (var path in new[] { "/relocated", "/nothing-here", "/untitled" })
        {
            var response = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
                new { url = site.Url(path), section = "section-a" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            checks.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("check").GetString());
        }

        Assert.Equal([$"moved permanently to {site.Url("/new-home")}", "gone", "working"], checks);
        var kept = await app.SuggestionsAsync();
        Assert.Equal((LinkOutcome.Redirected, site.Url("/new-home")), (kept[0].CheckOutcome, kept[0].CheckFinalUrl));
        Assert.Equal(LinkOutcome.Broken, kept[1].CheckOutcome);
        Assert.Null(kept[2].Title);
    }

    [Fact]
    public async Task Past_the_hourly_limit_an_account_gets_429_with_Retry_After_even_when_it_sends_twenty_at_once()
    {
        // Otherwise: one account floods the queue and makes the portal fetch pages without end.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site, new() { ["Suggestions:PerHour"] = "3" });
        var token = await app.ReaderTokenAsync(Ann);

        var answers = await AtOnce.RunAsync(Enumerable.Range(0, 20).Select(i => (Func<Task<HttpResponseMessage>>)(() =>
            app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
                new { url = site.Url($"/fresh?page={i}"), section = "section-a" }))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(17, refused.Count);
        Assert.All(refused, r => Assert.InRange(r.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600));
        Assert.Equal(3, (await app.SuggestionsAsync()).Count);
    }

    [Fact]
    public async Task Twenty_members_suggesting_one_new_address_at_once_make_one_suggestion_with_twenty_names()
    {
        // Otherwise: a link shared in the team chat lands in the queue twenty times, or someone's name is lost.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        var tokens = new List<string>();
        for (var i = 0; i < 20; i++) tokens.Add(await app.ReaderTokenAsync($"m{i}@example.org"));

        var answers = await AtOnce.RunAsync(tokens.Select(token => (Func<Task<HttpResponseMessage>>)(() =>
            app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
                new { url = site.Url("/fresh"), section = "section-a" }))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"{a.StatusCode}: {a.Content.ReadAsStringAsync().Result}"));
        Assert.Equal(20, Assert.Single(await app.SuggestionsAsync()).Members.Count);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_and_a_browsers_cookie_is_not_enough()
    {
        // Otherwise: a forged cross-site request could suggest in a signed-in member's name, or anyone could.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ann, role: null);
        var browser = app.Browser();
        await browser.LogInAsync(Ann, TestUsers.Password);

        var anonymous = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", null,
            new { url = site.Url("/fresh"), section = "section-a" });
        var wrong = await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", "cnl_nonsense",
            new { url = site.Url("/fresh"), section = "section-a" });
        var cookie = await browser.SendAsync(HttpMethod.Post, "/api/suggestions", null,
            new { url = site.Url("/fresh"), section = "section-a" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
        Assert.Empty(await app.SuggestionsAsync());
    }

    [Fact]
    public async Task Each_new_suggestion_is_posted_to_the_suggestions_webhook_with_who_and_the_check()
    {
        // Otherwise: editors learn of suggestions only when they happen to open the queue.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site,
            new() { ["Suggestions:WebhookUrl"] = site.Url("/suggestion-hook"), ["LinkHealth:WebhookUrl"] = "" });
        var token = await app.ReaderTokenAsync(Ann);

        await app.Client().SendAsync(HttpMethod.Post, "/api/suggestions", token,
            new { url = site.Url("/fresh"), section = "section-a", why = "A must" });

        var (_, body) = Assert.Single(site.Server.Bodies, b => b.Path == "/suggestion-hook");
        var text = JsonDocument.Parse(body).RootElement.GetProperty("text").GetString();
        Assert.Contains($"New suggestion by {Ann} for Section A: Fresh page", text);
        Assert.Contains("(working)", text);
        Assert.Contains("Why: A must", text);
    }
}
