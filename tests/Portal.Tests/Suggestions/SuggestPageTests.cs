using System.Net;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Suggestions;

/// <summary>The members' form at /account/suggest and their list at /account/suggestions, as a browser posts them.
/// </summary>
[Collection(PortalCollection.Name)]
public class SuggestPageTests(TestDatabase server)
{
    private const string Ann = "ann@example.org";
    private const string Form = "/account/suggest";

    [Fact]
    public async Task Every_reader_page_links_to_the_form_with_the_same_bytes_and_the_form_asks_for_sign_in()
    {
        // Otherwise: readers find no way to suggest, or the shared cached page differs per person.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ann, role: null);
        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);
        const string link = "<a href=\"/account/suggest\">Suggest a link</a>";

        foreach (var page in new[] { "/", "/sections/section-a" })
        {
            Assert.Contains(link, await app.Client().GetStringAsync(page));
            Assert.Contains(link, await member.GetStringAsync(page));
        }
        var anonymous = await app.Client().GetAsync(Form);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_reader_suggests_through_the_form_is_told_the_check_and_sees_it_waiting_in_their_list()
    {
        // Otherwise: a reader's suggestion vanishes without a word, or they never learn what became of it.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ann, role: null);
        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);

        var answer = await member.PostFormAsync(Form, Form, new()
        {
            ["_handler"] = "suggest", ["Input.Url"] = site.Url("/fresh"), ["Input.Section"] = "section-b",
            ["Input.Why"] = "Clear and short",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var told = Html.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("waits for review", Suggesters.Text(told.QuerySelector("[data-testid=suggest-outcome]")));
        Assert.Contains("working", Suggesters.Text(told.QuerySelector("[data-testid=suggest-outcome]")));
        var suggestion = Assert.Single(await app.SuggestionsAsync());
        Assert.Equal(("Fresh page", "Clear and short"), (suggestion.Title, suggestion.Why));
        var mine = Html.Parse(await member.GetStringAsync("/account/suggestions"));
        var item = Assert.Single(mine.QuerySelectorAll("[data-testid=my-suggestion]"));
        Assert.Contains("Fresh page", Suggesters.Text(item));
        Assert.Equal("waiting for review", item.QuerySelector("[data-testid=suggestion-state]")!.TextContent);
        Assert.StartsWith("javascript:", mine.QuerySelector("[data-testid=suggest-bookmarklet]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_address_in_the_list_links_to_its_entry_and_a_bad_one_gets_a_sentence_by_its_field_keeping_the_text()
    {
        // Otherwise: the member does not learn where the link already is, or retypes everything after a mistake.
        await using var site = Suggesters.Site();
        await using var app = await ApiWriters.StartAsync(server, site);
        await app.CreateUserAsync(Ann, role: null);
        var member = app.Browser();
        await member.LogInAsync(Ann, TestUsers.Password);
        var existing = await app.EntryIdAsync("Wrong title");

        var held = Html.Parse(await (await member.PostFormAsync(Form, Form, new()
        {
            ["_handler"] = "suggest", ["Input.Url"] = site.Url("/titled"), ["Input.Section"] = "section-a",
        })).Content.ReadAsStringAsync());
        var bad = Html.Parse(await (await member.PostFormAsync(Form, Form, new()
        {
            ["_handler"] = "suggest", ["Input.Url"] = "not an address", ["Input.Section"] = "section-a",
            ["Input.Why"] = "Worth it",
        })).Content.ReadAsStringAsync());

        Assert.Equal($"/entries/{existing}",
            held.QuerySelector("[data-testid=suggest-outcome] a")!.GetAttribute("href"));
        Assert.Contains("Section B", Suggesters.Text(held.QuerySelector("[data-testid=suggest-outcome]")));
        Assert.Contains("http://", Suggesters.Text(bad.QuerySelector("#suggest-url + .field-problem")));
        Assert.Equal("Worth it", bad.QuerySelector("#suggest-why")!.GetAttribute("value"));
        Assert.Empty(await app.SuggestionsAsync());
    }
}
