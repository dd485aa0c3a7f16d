using System.Reflection;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Tests.Shared.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Portal.Tests.SignedInComponents;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Every interactive page, as found by its route and PageAreas, started by each kind of person over a live
/// connection and, once open, its account removed, reset or demoted and every one of its actions tried: the page
/// starts only for whom its policy admits as the account is now, and a refused action writes nothing.
/// </summary>
[Collection(PortalCollection.Name)]
public class InteractivePageGuardTests(TestDatabase server)
{
    private const string List = """
        # Containers

        ## Overlays

        * 2020-01-01: [First overlay post](https://first.example/) by Ann
          * [A nested note](https://nested.example/)
        * 2020-02-01: [Second overlay post](https://second.example/) by Bob

        ## Bridges

        * [Linux bridges](https://bridges.example/)

        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public void Every_interactive_page_is_guarded_and_names_the_policy_it_is_checked_against()
    {
        // Otherwise: a page added later answers its live connection and every click for whoever opened it, or
        // replayed its HTML, because nothing but its first request was ever authorized.
        Assert.Contains(InteractivePages.All, page => page.Template == "/admin/users");
        Assert.Contains(InteractivePages.All, page => page.Template == "/account/tokens");
        Assert.All(InteractivePages.All, page =>
        {
            Assert.True(typeof(EditorComponentBase).IsAssignableFrom(page.Component),
                $"{page} ({page.Component.Name}) must inherit EditorComponentBase, which checks the account");
            var policies = page.Component.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            Assert.True(policies is [Policies.Editor or Policies.Admin],
                $"{page} must name its policy once: [Authorize(Policy = Policies.Editor or Policies.Admin)]");
        });
    }

    [Fact]
    public async Task Every_interactive_page_starts_only_for_an_account_its_policy_admits_as_the_account_is_now()
    {
        // Otherwise: an editor opens the users page an administrator's browser was served and adds an administrator;
        // a reader, someone with no account, or an account removed, reset or demoted starts an editor's page.
        await using var app = await StartAsync();
        var (entryId, sectionId) = await IdsAsync(app);
        List<(string Who, ClaimsPrincipal User, string? AdmittedTo)> people =
        [
            ("no one", NoOne, null),
            ("a reader", (await app.AccountAsync(null)).User, null),
            ("an editor", (await app.AccountAsync(Roles.Editor)).User, Policies.Editor),
            ("an administrator", (await app.AccountAsync(Roles.Admin)).User, Policies.Admin),
            ("a removed editor", await ChangedAsync(app, Roles.Editor, Change.Removed), null),
            ("an editor whose password was reset", await ChangedAsync(app, Roles.Editor, Change.PasswordReset), null),
            ("an editor made a reader", await ChangedAsync(app, Roles.Editor, Change.MadeReader), null),
            // A change of role ends the account's sessions (SessionEndingUserStore): they sign in again as editor.
            ("an administrator made an editor", await ChangedAsync(app, Roles.Admin, Change.MadeEditor), null),
        ];
        var before = await app.Database.EveryRowAsync();

        var wrong = new List<string>();
        foreach (var page in InteractivePages.All)
        foreach (var (who, user, admittedTo) in people)
        {
            var admitted = admittedTo == Policies.Admin || admittedTo == Policies.Editor && !page.ForAdministrators;
            using var context = app.ContextFor(user);
            var (rendered, navigation) = Open(context, page, entryId, sectionId);
            await Eventually.TrueAsync(() => Refused(navigation) || rendered.Markup.Length > 0,
                $"{page} for {who} neither started nor was refused", Patience);
            if (Refused(navigation) == admitted)
                wrong.Add($"{page} for {who}: {(admitted ? "refused" : "started")}");
            else if (!admitted && rendered.Markup.Length > 0)
                wrong.Add($"{page} for {who}: refused, but rendered something first");
            else if (!admitted && !navigation.Uri.EndsWith(SessionEnded.PageFor(page.Address(entryId, sectionId)),
                         StringComparison.Ordinal))
                wrong.Add($"{page} for {who}: sent to {navigation.Uri}, not back to where they were after signing in");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await app.Database.EveryRowAsync());
    }

    [Fact]
    public async Task A_page_refused_as_it_starts_while_the_browser_is_already_leaving_does_not_overtake_that_navigation()
    {
        // Otherwise: an editor clicks "Sign out" before the page's live connection has started; the connection then
        // finds the session that sign-out ended and sends the browser to the session-ended page, dropping the
        // sign-out's redirect to the sign-in provider, whose session stays alive on a shared computer.
        await using var app = await StartAsync();
        var (entryId, sectionId) = await IdsAsync(app);
        using var context = app.ContextFor(await ChangedAsync(app, Roles.Editor, Change.Removed));
        var leaving = context.JSInterop.Setup<bool>(EditorComponentBase.AlreadyLeavingFunction, _ => true);
        leaving.SetResult(true);
        var page = InteractivePages.All.First(p => p.Template == "/admin");

        var (rendered, navigation) = Open(context, page, entryId, sectionId);

        var asked = await Eventually.ReadAsync(
            () => Task.FromResult(context.JSInterop.Invocations[EditorComponentBase.AlreadyLeavingFunction].ToList()),
            calls => calls.Count > 0, _ => "the page never asked the browser whether it was leaving", Patience);
        Assert.Equal(SessionEnded.PageFor(page.Address(entryId, sectionId)), asked.Single().Arguments.Single());
        Assert.False(Refused(navigation), $"sent to {navigation.Uri} over the browser's own navigation");
        Assert.Equal("", rendered.Markup);
    }

    [Theory]
    [InlineData(Change.Removed)]
    [InlineData(Change.PasswordReset)]
    [InlineData(Change.MadeReader)]
    public async Task Every_interactive_page_requested_with_the_cookie_of_a_changed_account_sends_it_to_sign_in_again(
        Change change)
    {
        // Otherwise: the sign-in cookie of a removed, reset or demoted editor, still valid for its hours, is served the
        // editors' pages (the list's drafts, the users, the tokens) until it expires.
        await using var app = await StartAsync();
        var (entryId, sectionId) = await IdsAsync(app);
        var email = $"changed-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Roles.Admin);
        var client = app.Browser();
        var signedIn = await client.LogInAsync(email, TestUsers.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        await ChangeAsync(app, email, change);

        foreach (var page in InteractivePages.All)
        {
            var address = page.Address(entryId, sectionId);
            var response = await client.GetAsync(address);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            var target = response.Headers.Location!;
            var location = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
            Assert.True(location.StartsWith(SessionEnded.PageFor(address), StringComparison.Ordinal)
                || location.StartsWith("/account/login", StringComparison.Ordinal),
                $"{address} for an account {change}: sent to {location}, not to sign in again");
        }
    }

    [Theory]
    [InlineData(Change.Removed)]
    [InlineData(Change.PasswordReset)]
    [InlineData(Change.MadeReader)]
    public async Task Every_action_of_every_open_interactive_page_is_refused_once_its_account_changes(Change change)
    {
        // Otherwise: an editor removed, or whose password was reset, or who lost the role keeps saving through the
        // page they had open, for as long as it stays open.
        await using var app = await StartAsync();
        var (entryId, sectionId) = await IdsAsync(app);
        var wrong = new List<string>();
        foreach (var page in InteractivePages.All)
        {
            var (email, user) = await app.AccountAsync(Roles.Admin);
            using var context = app.ContextFor(user);
            var (rendered, _) = Open(context, page, entryId, sectionId);
            await SettledAsync(rendered, page);
            await ChangeAsync(app, email, change);
            var before = await app.Database.EveryRowAsync();

            // Every page has at least one action; none found would mean the walk missed them.
            if (await TryEveryActionAsync(rendered) == 0 && !page.ShowsOnly)
                wrong.Add($"{page}: no action found to try");
            var after = await app.Database.EveryRowAsync();
            if (!before.SequenceEqual(after))
                wrong.Add($"{page}: wrote {string.Join(", ", after.Except(before))}, removed "
                    + string.Join(", ", before.Except(after)));
            // A page that only shows has nothing to refuse, so no refusal to say so.
            if (page.ShowsOnly) continue;
            if (rendered.FindAll("[data-testid=session-ended]") is not [{ } notice]
                || !notice.TextContent.Contains(SessionEnded.Sentence, StringComparison.Ordinal))
                wrong.Add($"{page}: no notice that the session ended");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_administrator_made_an_editor_while_the_users_page_is_open_can_no_longer_use_it()
    {
        // Otherwise: demoting an administrator leaves their open users page adding and removing accounts.
        await using var app = await StartAsync();
        var page = InteractivePages.All.Single(p => p.Template == "/admin/users");
        var (email, user) = await app.AccountAsync(Roles.Admin);
        using var context = app.ContextFor(user);
        var (rendered, _) = Open(context, page, 0, 0);
        await SettledAsync(rendered, page);
        await ChangeAsync(app, email, Change.MadeEditor);
        var before = await app.Database.EveryRowAsync();

        Assert.True(await TryEveryActionAsync(rendered) > 0);

        Assert.Equal(before, await app.Database.EveryRowAsync());
        rendered.Find("[data-testid=session-ended]");
    }

    [Fact]
    public async Task A_save_is_recorded_under_the_editors_own_name_and_once_the_account_is_removed_saves_nothing()
    {
        // Otherwise: history shows "unknown" for changes, or an editor removed mid-session keeps changing the list and
        // loses what they typed when the refusal comes.
        await using var app = await StartAsync();
        var (entryId, _) = await IdsAsync(app);
        var (email, user) = await app.AccountAsync(Roles.Editor);
        using var context = app.ContextFor(user);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/entries/{entryId}");
        var page = context.Render<EntryEditorPage>(p => p.Add(x => x.Id, entryId));
        page.WaitForState(() => page.FindAll("#entry-markdown").Count > 0, Patience);

        page.Find("#entry-markdown").Input("2020-01-01: [First overlay post, revised](https://first.example/) by Ann");
        await page.Find("form.entry-editor").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("Saved.", page.Find(".status-line").TextContent), Patience);
        await using (var db = app.Database.Open())
        {
            var change = await db.ContentChanges.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal(email, change.UserName);
            Assert.Equal(user.FindFirst(ClaimTypes.NameIdentifier)!.Value, change.UserId);
        }

        const string typed = "2020-01-01: [First overlay post, typed before removal](https://first.example/) by Ann";
        page.Find("#entry-markdown").Input(typed);
        await ChangeAsync(app, email, Change.Removed);
        var before = await app.Database.EveryRowAsync();
        await page.Find("form.entry-editor").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(EditorComponentBase.NotDone, page.Markup), Patience);
        Assert.Contains(SessionEnded.Sentence, page.Find("[data-testid=session-ended]").TextContent);
        Assert.Contains(SessionEnded.SignInAgain($"/admin/entries/{entryId}").Replace("&", "&amp;"),
            page.Find("[data-testid=session-ended]").OuterHtml);
        Assert.Equal(typed, page.Find("#entry-markdown").GetAttribute("value"));
        Assert.Equal(before, await app.Database.EveryRowAsync());
        Assert.False(await app.Database.Open().ContentChanges
            .AnyAsync(c => c.UserName == "unknown" || c.UserId == null));
    }

    public enum Change { Removed, PasswordReset, MadeReader, MadeEditor }

    private static async Task ChangeAsync(PortalApp app, string email, Change change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var done = change switch
        {
            Change.Removed => await users.DeleteAsync(user),
            Change.PasswordReset => await users.ResetPasswordAsync(user,
                await users.GeneratePasswordResetTokenAsync(user), "another long enough password"),
            // Taking a role away leaves the security stamp as it was: only the roles in the database tell.
            Change.MadeReader => await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)),
            Change.MadeEditor => await users.RemoveFromRoleAsync(user, Roles.Admin) is { Succeeded: true }
                ? await users.AddToRoleAsync(user, Roles.Editor) : IdentityResult.Failed(),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.True(done.Succeeded, string.Join(" ", done.Errors.Select(e => e.Description)));
    }

    /// <summary>A sign-in made before the account changed, as a live connection opened then still holds it.</summary>
    private static async Task<ClaimsPrincipal> ChangedAsync(PortalApp app, string role, Change change)
    {
        var (email, user) = await app.AccountAsync(role);
        await ChangeAsync(app, email, change);
        return user;
    }

    private static (IRenderedComponent<DynamicComponent> Page, NavigationManager Navigation) Open(
        BunitContext context, InteractivePages.Page page, long entryId, int sectionId)
    {
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(page.Address(entryId, sectionId));
        var rendered = context.Render<DynamicComponent>(p => p
            .Add(d => d.Type, page.Component)
            .Add(d => d.Parameters, page.Parameters(entryId, sectionId)!));
        return (rendered, navigation);
    }

    private static bool Refused(NavigationManager navigation) =>
        new Uri(navigation.Uri).AbsolutePath == SessionEnded.PagePath;

    /// <summary>Once the page has read what it shows: its actions are there and its markup stays the same.</summary>
    private static async Task SettledAsync(IRenderedComponent<DynamicComponent> page, InteractivePages.Page which)
    {
        var last = "";
        await Eventually.ReadAsync(() =>
        {
            var now = page.Markup;
            var settled = now == last && (Actions(page).Count > 0 || which.ShowsOnly && now.Length > 0)
                && !now.Contains("Loading…", StringComparison.Ordinal);
            last = now;
            return Task.FromResult(settled);
        }, settled => settled, _ => $"{which} never finished loading: {last}", Patience, everyMs: 200);
    }

    /// <summary>
    /// Fires every event handler the page and its parts have rendered (clicks, submits, typing, choices, drags), one
    /// at a time and found again before each, as a refusal re-renders the page.
    /// </summary>
    private static async Task<int> TryEveryActionAsync(IRenderedComponent<DynamicComponent> page)
    {
        var tried = 0;
        for (var i = 0; Actions(page) is var actions && i < actions.Count; i++, tried++)
        {
            var (element, name) = actions[i];
            await page.InvokeAsync(() => element.TriggerEventAsync(name, ArgumentsOf(name)));
        }
        return tried;
    }

    private static List<(IElement Element, string Event)> Actions(IRenderedComponent<DynamicComponent> page) =>
        page.FindAll("*").SelectMany(element => element.Attributes
            .Where(a => a.Name.StartsWith("blazor:on", StringComparison.Ordinal)
                && !a.Name["blazor:".Length..].Contains(':', StringComparison.Ordinal))
            .Select(a => (element, a.Name["blazor:".Length..]))).ToList();

    private static EventArgs ArgumentsOf(string name) => name switch
    {
        "onclick" => new MouseEventArgs(),
        "onchange" or "oninput" => new ChangeEventArgs { Value = "typed by someone no longer allowed" },
        _ when name.StartsWith("ondr", StringComparison.Ordinal) => new DragEventArgs(),
        _ => EventArgs.Empty,
    };

    /// <summary>
    /// The list, with one entry retired (the editors' home page offers to bring it back), once the search vocabulary
    /// has followed the retirement: that refresh bumps the content revision a moment after the save.
    /// </summary>
    private async Task<PortalApp> StartAsync()
    {
        var app = await PortalApp.StartAsync(server, importSeed: false);
        await app.ImportAsync(List);
        long bridges;
        await using (var db = app.Database.Open())
            bridges = await db.Entries.Where(e => e.Title == "Linux bridges").Select(e => e.Id).SingleAsync();
        var retired = await app.Services.GetRequiredService<EntryEditing>().RetireAsync(bridges,
            new EditorIdentity("setup", "setup@example.org"));
        Assert.IsType<EditOutcome.Saved>(retired);
        var saved = await RevisionAsync(app);
        await Eventually.TrueAsync(async () => await RevisionAsync(app) > saved,
            "the search vocabulary never followed the retirement", Patience);
        return app;
    }

    private static Task<long> RevisionAsync(PortalApp app) =>
        app.Database.ScalarAsync<long>("select revision from reading_lists");

    private static async Task<(long Entry, int Section)> IdsAsync(PortalApp app)
    {
        await using var db = app.Database.Open();
        var section = await db.Sections.Where(s => s.Slug == "overlays").Select(s => s.Id).SingleAsync();
        var entry = await db.Entries.Where(e => e.Title == "First overlay post").Select(e => e.Id).SingleAsync();
        if (!await db.Suggestions.AnyAsync(s => s.Id == entry))
            await InteractivePages.WaitingSuggestionAsync(db, entry, section);
        return (entry, section);
    }
}
