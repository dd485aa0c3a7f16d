using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Browser.Tests;

/// <summary>The team feeding the list (issue 24 §1, §2): members suggest from the reader pages, editors review the
/// queue, members see what became of it. The pages suggested are served by a server on 127.0.0.1 the test starts.
/// </summary>
public class SuggestionJourneyTests(TestDatabase server, Browser browser)
{
    private const string Ed = "ed@example.org";
    private const string Ann = "ann@example.org";
    private const string Bob = "bob@example.org";

    private const string List = """
        # Containers

        ## Overlays

        * 2020-01-01: [First overlay post](https://first.example/) by Ann
        * 2020-02-01: [Second overlay post](https://second.example/) by Bob

        ## Bridges

        * 2019-05-05: [Linux bridges explained](https://bridges.example/) by Cy

        """;

    [Fact]
    public async Task A_reader_suggests_from_a_section_page_a_second_adds_their_name_and_the_accepted_entry_credits_them()
    {
        // Otherwise: a reader's find stays in a chat, a second reader makes a second suggestion, the editor retypes
        // the link, or the list and its history never show who found it and the reader never learns it was taken.
        await using var site = Site();
        await using var portal = await StartAsync(site);
        var ann = await SignedInAsync(portal, Ann, "/sections/overlays");
        var bob = await SignedInAsync(portal, Bob, "/account/suggest");
        var ed = await SignedInAsync(portal, Ed, "/admin");

        // From the section page's "Suggest a link": first a link the list holds, then a new one.
        await ann.GetByRole(AriaRole.Link, new() { Name = "Suggest a link" }).ClickAsync();
        await ann.ArrivedAsync("**/account/suggest");
        await SuggestAsync(ann, "https://first.example/", "Overlays");
        var held = ann.GetByTestId("suggest-outcome");
        await Assertions.Expect(held).ToContainTextAsync("The list already holds this link, in Overlays");
        await Assertions.Expect(held.GetByRole(AriaRole.Link, new() { Name = "First overlay post" }))
            .ToHaveAttributeAsync("href", $"/entries/{await EntryIdAsync(portal, "https://first.example/")}");
        await SuggestAsync(ann, site.Url("/vxlan"), "Overlays", why: "The clearest VXLAN walk-through I know");
        await Assertions.Expect(ann.GetByTestId("suggest-outcome"))
            .ToContainTextAsync("your suggestion waits for review. The page's check: working.");
        await SuggestAsync(bob, site.Url("/vxlan"), "Overlays");
        await Assertions.Expect(bob.GetByTestId("suggest-outcome")).ToContainTextAsync("suggested by 2 people");
        Assert.Equal(1, site.Hits("/vxlan"));

        // The editor's queue, then the add form filled in from the suggestion, placed first in its section.
        await Editors.OpenAsync(ed, "/admin/suggestions");
        var card = ed.GetByTestId("suggestion");
        await Assertions.Expect(card.GetByTestId("suggested-by")).ToHaveTextAsync($"{Ann}, {Bob}");
        await Assertions.Expect(card).ToContainTextAsync("(2 people)");
        await Assertions.Expect(card).ToContainTextAsync("The clearest VXLAN walk-through I know");
        await card.GetByRole(AriaRole.Link, new() { Name = "Accept…" }).ClickAsync();
        await ed.ArrivedAsync("**/admin/suggestions/*/accept");
        await ed.Locator("[data-circuit=connected]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(ed.GetByLabel("Web address")).ToHaveValueAsync(site.Url("/vxlan"));
        await Assertions.Expect(ed.GetByLabel("Title")).ToHaveValueAsync("VXLAN from the wire up");
        await Assertions.Expect(ed.GetByLabel("Section")).ToHaveValueAsync(
            (await SectionIdAsync(portal, "overlays")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ed.GetByLabel("Place").SelectOptionAsync(new SelectOptionValue { Label = "Before “First overlay post”" });
        await ed.GetByRole(AriaRole.Button, new() { Name = "Add the entry" }).ClickAsync();
        await Assertions.Expect(ed.GetByTestId("accepted")).ToContainTextAsync("Accepted: the entry is in the list.");

        await ann.GotoAsync("/sections/overlays");
        Assert.Equal("VXLAN from the wire up", await ann.Locator("li.entry .entry-text a").First.TextContentAsync());
        await Editors.OpenAsync(ed, "/admin/history");
        await Assertions.Expect(ed.GetByText($"suggested by {Ann}, {Bob}, accepted by {Ed}")).ToBeVisibleAsync();
        await ann.GotoAsync("/account/suggestions");
        await Assertions.Expect(ann.GetByTestId("suggestion-state")).ToHaveTextAsync("accepted");
        await Editors.OpenAsync(ed, "/admin/suggestions");
        await Assertions.Expect(ed.GetByText("No suggestion waits for review.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_inside_address_is_refused_with_a_sentence_and_declines_with_a_reason_or_an_entry_reach_the_member()
    {
        // Otherwise: a member makes the portal fetch an address inside the network, or a declined suggestion
        // vanishes without a word, or "already covered by" leaves the member to hunt for the entry.
        await using var site = Site();
        await using var portal = await StartAsync(site);
        var ann = await SignedInAsync(portal, Ann, "/account/suggest");
        var bob = await SignedInAsync(portal, Bob, "/account/suggest");
        var ed = await SignedInAsync(portal, Ed, "/admin");

        foreach (var inside in new[] { "http://10.0.0.1/", $"{portal.BaseUrl}/admin" })
        {
            await SuggestAsync(ann, inside, "Bridges");
            await Assertions.Expect(ann.Locator(".field-problem"))
                .ToContainTextAsync("This address cannot be suggested: the link checker refuses it");
            await Assertions.Expect(ann.GetByLabel("Web address")).ToHaveValueAsync(inside);
        }
        await ann.GotoAsync("/account/suggestions");
        await Assertions.Expect(ann.GetByText("You have not suggested anything yet.")).ToBeVisibleAsync();

        await ann.GotoAsync("/account/suggest");
        await SuggestAsync(ann, site.Url("/vxlan"), "Overlays");
        await SuggestAsync(bob, site.Url("/bridges-again"), "Bridges");
        await Editors.OpenAsync(ed, "/admin/suggestions");
        await DeclineAsync(ed, "VXLAN from the wire up", "Another reason", "Too basic for this team");
        await Assertions.Expect(ed.GetByText("Declined; the member sees your reason.")).ToBeVisibleAsync();
        await Assertions.Expect(ed.GetByTestId("suggestion")).ToHaveCountAsync(1);
        await DeclineAsync(ed, "Bridges, once more", "Already covered by an entry (paste the entry's link)",
            "not an entry");
        await Assertions.Expect(ed.GetByText(ContainerNetLib.Portal.Features.Suggestions.CoveringEntry.NotFound))
            .ToBeVisibleAsync();
        await ed.Locator("#decline-reason").FillAsync("https://bridges.example/");
        await ed.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
        await Assertions.Expect(ed.GetByText("No suggestion waits for review.")).ToBeVisibleAsync();

        await ann.GotoAsync("/account/suggestions");
        await Assertions.Expect(ann.GetByTestId("suggestion-state")).ToHaveTextAsync("declined: Too basic for this team");
        await bob.GotoAsync("/account/suggestions");
        await Assertions.Expect(bob.GetByTestId("suggestion-state"))
            .ToHaveTextAsync("declined: already covered by Linux bridges explained");
        await bob.GetByTestId("covered-by").ClickAsync();
        await bob.ArrivedAsync("**/sections/bridges#e-*");
        Assert.Equal(0, site.TotalHits - site.Hits("/vxlan") - site.Hits("/bridges-again"));
    }

    private static FixtureServer Site() => new((path, _) => path switch
    {
        "/vxlan" => Page("VXLAN from the wire up"),
        "/bridges-again" => Page("Bridges, once more"),
        _ => null,
    });

    private static string Page(string title) => Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n",
        $"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>");

    private async Task<LivePortal> StartAsync(FixtureServer site)
    {
        // The checker may reach the test's own server and nothing else inside: the portal's port is not allowed.
        var portal = await LivePortal.StartAsync(server, new Dictionary<string, string?>
        {
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, List);
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>()
            .CreateAsync(new IdentityRole(Roles.Editor));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var email in new[] { Ed, Ann, Bob })
        {
            var user = new IdentityUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, Editors.Password)).Succeeded);
            if (email == Ed) await users.AddToRoleAsync(user, Roles.Editor);
        }
        return portal;
    }

    /// <summary>A browser of its own for the member, signed in and on <paramref name="path"/>.</summary>
    private async Task<IPage> SignedInAsync(LivePortal portal, string email, string path)
    {
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = portal.BaseUrl });
        var page = await context.NewPageAsync();
        await Editors.SignInAsync(page, path, email);
        return page;
    }

    private static async Task SuggestAsync(IPage page, string url, string section, string? why = null)
    {
        await page.GetByLabel("Web address").FillAsync(url);
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = section });
        if (why is not null) await page.GetByLabel("Why the team should read it").FillAsync(why);
        // The form posts and the answer is a new page: wait for it, not for the page it replaces.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Suggest", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/suggest",
                StringComparison.Ordinal));
        await page.LoadedAsync();
    }

    /// <summary>Declines the suggestion the queue shows under <paramref name="title"/>.</summary>
    private static async Task DeclineAsync(IPage editor, string title, string kind, string text)
    {
        var card = editor.GetByTestId("suggestion").Filter(new() { HasText = title });
        await card.GetByRole(AriaRole.Button, new() { Name = "Decline…" }).ClickAsync();
        await editor.Locator("#decline-kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await editor.Locator("#decline-reason").FillAsync(text);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
    }

    private static async Task<long> EntryIdAsync(LivePortal portal, string url)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync();
        return await db.Entries.Where(e => e.Url == url).Select(e => e.Id).SingleAsync();
    }

    private static async Task<int> SectionIdAsync(LivePortal portal, string slug)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync();
        return await db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }
}
