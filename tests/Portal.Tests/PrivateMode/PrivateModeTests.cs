using System.Net;
using ContainerNetLib.Portal.Features.Accounts.PrivateMode;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Portal.Tests.PrivateMode;

[Collection(PortalCollection.Name)]
public class PrivateModeTests(TestDatabase database)
{
    private static ReaderAccess Read(string? value) => ReaderAccess.Read(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [ReaderAccess.Setting] = value }).Build());

    [Fact]
    public void The_setting_is_public_by_default_and_a_wrong_value_names_itself()
    {
        // Otherwise: a typo in Portal:Readers leaves a list meant to be private open to everyone, without a word.
        Assert.False(Read(null).SignedInOnly);
        Assert.False(Read("public").SignedInOnly);
        Assert.True(Read("SignedIn").SignedInOnly);
        var bad = Assert.Throws<ConfigurationException>(() => Read("Private"));
        Assert.Equal("Portal:Readers 'Private' is not one of Public, SignedIn", bad.Message);
    }

    [Fact]
    public async Task Someone_sent_to_sign_in_comes_back_to_the_page_they_asked_for()
    {
        // Otherwise: a colleague following a shared link signs in and lands on the home page, not on the link.
        await using var app = await PrivateApp.StartAsync(database);
        await app.CreateUserAsync("reader@example.org", role: null);
        var browser = app.Browser();
        const string asked = PrivateApp.SectionPath + "?from=chat";
        Assert.True((await browser.GetAsync(asked)).SendsToSignIn(asked));

        var signedIn = await browser.LogInAsync("reader@example.org", TestUsers.Password, asked);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(asked, signedIn.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(asked)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_its_files_and_the_health_checks_stay_open()
    {
        // Otherwise: nobody can sign in to a private list (or signs in on an unstyled page), or the orchestrator
        // restarts a healthy portal because its probe is sent to sign in.
        await using var app = await PrivateApp.StartAsync(database);
        var anonymous = app.Browser();
        var login = await anonymous.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = Html.Parse(await login.Content.ReadAsStringAsync());
        Assert.Contains("This reading list is private", page.Body!.TextContent);
        var files = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.Equal(3, files.Count);
        foreach (var file in files) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task Shared_links_unfurl_with_the_sites_name_only()
    {
        // Otherwise: pasting a link in a chat tool shows the private list's section titles and descriptions.
        await using var app = await PrivateApp.StartAsync(database);
        var reader = await app.SignedInAsync(role: null);
        foreach (var path in new[] { "/", PrivateApp.SectionPath, $"/authors/{PrivateApp.AuthorSlug}", "/search?q=vxlan" })
        {
            var page = Html.Parse(await reader.GetStringAsync(path));
            var tags = page.QuerySelectorAll("meta[property^='og:'], meta[name^='twitter:']")
                .Where(m => m.GetAttribute("property") != "og:type" && m.GetAttribute("name") != "twitter:card"
                    && m.GetAttribute("property") != "og:url").ToList();
            Assert.Equal(5, tags.Count);
            Assert.All(tags, t => Assert.Equal("ContainerNetLib", t.GetAttribute("content")));
            Assert.Equal("https://localhost/", page.Meta("og:url"));
        }
    }
}
