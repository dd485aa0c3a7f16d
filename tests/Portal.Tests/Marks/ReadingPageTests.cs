using System.Net;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Marks;

/// <summary>/account/reading: a member's unread entries and read-later list, usable without JavaScript.</summary>
[Collection(PortalCollection.Name)]
public class ReadingPageTests(TestDatabase server)
{
    [Fact]
    public async Task The_reading_page_lists_unread_entries_newest_first_with_their_section_and_the_read_later_list()
    {
        // Otherwise: a member cannot find what they have not read yet, or what they kept for later, or from which
        // section it came.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        await member.PostAsync("/account/marks/read-all");
        var added = await Member.ImportThreeNewAsync(app);
        var (_, slug) = await Member.SectionOfAsync(app, added[0]);
        await member.PostAsync("/account/read-later", added[0]);

        var page = Html.Parse(await member.Browser.GetStringAsync("/account/reading"));
        var unread = page.QuerySelectorAll("[data-testid=unread] li").ToList();
        Assert.Equal(3, unread.Count);
        Assert.All(unread, item => Assert.Contains($"/sections/{slug}#e-", item.InnerHtml));
        // Same moment of import: newest first falls back to the latest written.
        Assert.Equal(["New three", "New two", "New one"], unread.Select(li => li.QuerySelector("a")!.TextContent));
        var later = page.QuerySelectorAll("[data-testid=later] li").ToList();
        Assert.Equal("New one", Assert.Single(later).QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task Without_javascript_the_reading_pages_forms_mark_read_remove_and_mark_all_read_and_come_back()
    {
        // Otherwise: a member without JavaScript sees their unread list but can do nothing about it.
        await using var app = await PortalApp.StartAsync(server);
        var member = await Member.SignInAsync(app);
        await member.PostAsync("/account/marks/read-all");
        var added = await Member.ImportThreeNewAsync(app);
        await member.PostAsync("/account/read-later", added[0]);

        var read = await member.Browser.PostFormAsync("/account/reading", "/account/marks/read",
            new() { ["entry"] = added[2].ToString(), ["return"] = "/account/reading" });
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("/account/reading", read.Headers.Location?.OriginalString);
        var removed = await member.Browser.PostFormAsync("/account/reading", "/account/read-later/remove",
            new() { ["entry"] = added[0].ToString(), ["return"] = "https://evil.example/" });
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var page = Html.Parse(await member.Browser.GetStringAsync("/account/reading"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=unread] li").Length);
        Assert.Empty(page.QuerySelectorAll("[data-testid=later] li"));

        var all = await member.Browser.PostFormAsync("/account/reading", "/account/marks/read-all",
            new() { ["return"] = "/account/reading" });
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        page = Html.Parse(await member.Browser.GetStringAsync("/account/reading"));
        Assert.NotNull(page.QuerySelector("[data-testid=no-unread]"));
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        // Otherwise: the reading page errors for anonymous visitors, or shows someone's list.
        await using var app = await PortalApp.StartAsync(server);
        Assert.True((await app.Browser().GetAsync("/account/reading")).IsRefused());
    }
}
