using System.Net;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Tests.PrivateMode;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Marks;

/// <summary>The marks are laid over the one shared reader page; the page itself never depends on whose it is.</summary>
[Collection(PortalCollection.Name)]
public class SharedPageMarksTests(TestDatabase server)
{
    private const string Page = PrivateApp.SectionPath;

    [Fact]
    public async Task Two_members_with_different_marks_receive_the_same_bytes_and_a_signed_out_reader_no_marks_at_all()
    {
        // Otherwise: one member's marks (or name, or token) are baked into a page another member is sent, or the
        // signed-out readers' cached page changes and asks a personal endpoint on every view.
        await using var app = await PortalApp.StartAsync(server);
        var first = await Member.SignInAsync(app);
        var second = await Member.SignInAsync(app);
        await first.MarksAsync();
        await second.MarksAsync();
        var added = await Member.ImportThreeNewAsync(app);
        await first.PostAsync("/account/marks/read", added[0]);
        await first.PostAsync("/account/read-later", added[1]);
        await second.PostAsync("/account/marks/read-all");

        var (_, slug) = await Member.SectionOfAsync(app, added[0]);
        foreach (var path in new[] { Page, $"/sections/{slug}", "/" })
        {
            // In public mode a signed-in member's page is rendered for them (SharedPage), and Blazor appends its
            // component state, encrypted afresh for each response; all else is byte for byte the same.
            var html = WithoutComponentState(await first.Browser.GetStringAsync(path));
            Assert.Equal(html, WithoutComponentState(await second.Browser.GetStringAsync(path)));
            Assert.Contains("id=\"member-marks\"", html);
            Assert.DoesNotContain(first.Email, html);
            Assert.DoesNotContain("new-mark", html);

            var anonymous = await app.Client().GetStringAsync(path);
            Assert.DoesNotContain("member-marks", anonymous);
            Assert.DoesNotContain("/account/reading", anonymous);
        }
    }

    [Fact]
    public async Task In_private_mode_every_member_is_served_the_one_kept_copy_with_their_marks_apart()
    {
        // Otherwise: private mode keeps one copy of each page per member, or the kept copy carries someone's marks.
        await using var app = await PrivateApp.StartAsync(server);
        var first = await Member.SignInAsync(app);
        var second = await Member.SignInAsync(app);
        var (_, entry) = await app.SeedIdsAsync();
        await first.PostAsync("/account/read-later", entry);

        var a = await first.Browser.GetByteArrayAsync(Page);
        var pages = app.Services.GetRequiredService<RenderedPages>();
        var kept = pages.Count;
        var b = await second.Browser.GetByteArrayAsync(Page);
        Assert.Equal(a, b);
        Assert.Equal(kept, pages.Count);
        Assert.Contains("id=\"member-marks\"", System.Text.Encoding.UTF8.GetString(a));
        var section = (await first.MarksAsync(await SectionIdAsync(app)));
        Assert.Equal([entry], Member.Ids(section, "later"));
        Assert.Empty(Member.Ids(await second.MarksAsync(await SectionIdAsync(app)), "later"));
    }

    private static string WithoutComponentState(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor-Server-Component-State:[^>]*-->$", "");

    private static async Task<int> SectionIdAsync(PortalApp app) => (await app.SeedIdsAsync()).SectionId;
}
