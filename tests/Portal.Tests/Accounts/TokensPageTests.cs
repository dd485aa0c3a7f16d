using Bunit;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>/account/tokens rendered by bUnit with the portal's real token service over PostgreSQL.</summary>
[Collection(PortalCollection.Name)]
public class TokensPageTests(TestDatabase server)
{
    private static async Task<string> UserIdAsync(PortalApp app, string email) =>
        await app.Database.Open().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    private static async Task<BunitContext> ContextFor(PortalApp app, string email) =>
        app.ContextFor(await app.SignInOfAsync(email));

    [Fact]
    public async Task A_new_token_is_shown_once_listed_without_its_secret_and_works_until_revoked()
    {
        // Otherwise: editors cannot make a token for their script, or a page reload hands the token to whoever looks.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        using var context = await ContextFor(app, "ed@example.org");
        var page = Loaded(context.Render<TokensPage>());

        page.Find("#token-name").Change("feed bot");
        page.Find("#token-scope").Change(TokenScope.Write.ToString());
        page.Find("#token-days").Change("30");
        await page.Find("form.section-form").SubmitAsync();

        var token = page.Find("[data-testid=new-token] code").TextContent;
        Assert.True(TokenSecret.TryParse(token, out _, out var secret));
        await using (var db = app.Database.Open()) Assert.NotNull(await ApiTokens.CheckAsync(db, token, DateTimeOffset.UtcNow));
        var row = page.Find("table.tokens tbody tr");
        Assert.Contains("feed bot", row.TextContent);
        Assert.Contains("write", row.TextContent);
        Assert.Contains("active", row.TextContent);

        var again = Loaded(context.Render<TokensPage>());
        Assert.DoesNotContain(secret, again.Markup);
        Assert.Empty(again.FindAll("[data-testid=new-token]"));

        await again.Find("table.tokens button.danger").ClickAsync(new());
        Assert.Contains("revoked", again.Find("table.tokens tbody tr").TextContent);
        await using (var db = app.Database.Open()) Assert.Null(await ApiTokens.CheckAsync(db, token, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_token_past_a_year_or_without_a_name_is_refused_with_a_reason()
    {
        // Otherwise: tokens that never end, or that nobody can tell apart when one must be revoked.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        using var context = await ContextFor(app, "ed@example.org");
        var page = Loaded(context.Render<TokensPage>());

        page.Find("#token-days").Change("400");
        page.Find("#token-name").Change("forever");
        await page.Find("form.section-form").SubmitAsync();
        Assert.Contains("at most one year", page.Markup);
        page.Find("#token-days").Change("30");
        page.Find("#token-name").Change("");
        await page.Find("form.section-form").SubmitAsync();
        Assert.Contains("Give the token a name", page.Markup);
        Assert.Equal(0, await app.Database.Open().ApiTokens.CountAsync());
    }

    [Fact]
    public async Task Administrators_see_and_revoke_everyones_tokens_and_editors_only_their_own()
    {
        // Otherwise: a departing colleague's token stays live because nobody else can end it, or editors end each other's.
        await using var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        await app.CreateUserAsync("admin@example.org", Roles.Admin);
        await app.CreateUserAsync("other@example.org", Roles.Editor);
        var edId = await UserIdAsync(app, "ed@example.org");
        string edToken;
        await using (var db = app.Database.Open())
            edToken = (await ApiTokens.CreateAsync(db, edId, "ed's script", TokenScope.Write, DateTimeOffset.UtcNow.AddDays(5), DateTimeOffset.UtcNow)).Token;

        using (var otherContext = await ContextFor(app, "other@example.org"))
        {
            var otherPage = Loaded(otherContext.Render<TokensPage>());
            Assert.DoesNotContain("ed's script", otherPage.Markup);
        }
        await using (var db = app.Database.Open())
            Assert.False(await ApiTokens.RevokeAsync(db, TokenId(edToken), await UserIdAsync(app, "other@example.org"), DateTimeOffset.UtcNow));

        using var adminContext = await ContextFor(app, "admin@example.org");
        var adminPage = Loaded(adminContext.Render<TokensPage>());
        adminPage.WaitForState(() => adminPage.FindAll("table.tokens").Count > 0);
        var row = adminPage.Find($"tr[data-token='{TokenId(edToken)}']");
        Assert.Contains("ed@example.org", row.TextContent);
        await row.QuerySelector("button.danger")!.ClickAsync(new());
        await using (var db = app.Database.Open()) Assert.Null(await ApiTokens.CheckAsync(db, edToken, DateTimeOffset.UtcNow));
    }

    /// <summary>Once the page has read the tokens (its first render comes before).</summary>
    private static IRenderedComponent<TokensPage> Loaded(IRenderedComponent<TokensPage> page)
    {
        page.WaitForState(() => page.FindAll("table.tokens, p.meta").Count > 0);
        return page;
    }

    private static long TokenId(string token) => TokenSecret.TryParse(token, out var id, out _) ? id : 0;
}
