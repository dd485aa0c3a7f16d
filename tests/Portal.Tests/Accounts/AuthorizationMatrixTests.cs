using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Portal.Tests.PrivateMode;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Every mapped endpoint, every method it answers, asked by every kind of caller, in public and in private mode: each
/// answer is the one the endpoint's area (<see cref="MappedEndpoints.AreaOf"/>) gives that caller. An endpoint added
/// later is in the walk from the start, and one that no rule covers fails it, so that its author decides who it is for.
/// </summary>
[Collection(PortalCollection.Name)]
public class AuthorizationMatrixTests(TestDatabase database)
{
    /// <summary>What a caller gets, as far as who they are goes.</summary>
    public enum Answer
    {
        /// <summary>Past the door: whatever the endpoint makes of the request (a page, 400, 404, 415), never
        /// 5xx.</summary>
        Allowed,
        /// <summary>An open endpoint's own answer, the same whoever asks (signing in through single sign-on that
        /// is not set up sends everyone to the sign-in page).</summary>
        SameForAll,
        /// <summary>401, or sent to sign in.</summary>
        SignIn,
        /// <summary>403, or sent to the access-denied page.</summary>
        Forbidden,
    }

    /// <summary>A browser signed in with a role (or none), or a script with a token.</summary>
    private sealed record Caller(string Name, HttpClient Client, string? Role = null, bool SignedIn = false,
        TokenScope? Scope = null, string? Token = null);

    /// <summary>The rule: the answer a caller must get from an endpoint of an area.</summary>
    private static Answer Expected(Area area, Caller caller, bool privateMode, string route)
    {
        var editor = caller.Role is Roles.Editor or Roles.Admin;
        var validToken = caller.Scope is not null;
        return area switch
        {
            Area.Open => Answer.SameForAll,
            // In private mode the list is for accounts; on the API (and its description) a valid token stands for one.
            Area.Reader when !privateMode || caller.SignedIn => Answer.Allowed,
            Area.Reader => validToken && (route.StartsWith("/api", StringComparison.Ordinal)
                || route.StartsWith("/openapi", StringComparison.Ordinal)) ? Answer.Allowed : Answer.SignIn,
            // Pages take the sign-in cookie only: a token is no one there.
            Area.Account => caller.SignedIn ? Answer.Allowed : Answer.SignIn,
            Area.Editor => !caller.SignedIn ? Answer.SignIn : editor ? Answer.Allowed : Answer.Forbidden,
            Area.Admin => !caller.SignedIn ? Answer.SignIn
                : caller.Role == Roles.Admin ? Answer.Allowed : Answer.Forbidden,
            // The write API takes a token only: a cookie is no one there.
            Area.ApiWrite => caller.Scope == TokenScope.Write ? Answer.Allowed
                : validToken ? Answer.Forbidden : Answer.SignIn,
            // Suggesting through the API takes any member's token, of any scope; a cookie is no one there.
            Area.ApiAnyToken => validToken ? Answer.Allowed : Answer.SignIn,
            _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
        };
    }

    private static Answer? Observed(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } to
            ? (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString.Split('?')[0]) : null;
        return (int)response.StatusCode switch
        {
            >= 500 => null,
            401 => Answer.SignIn,
            403 => Answer.Forbidden,
            302 when location == Features.Accounts.AccountSetup.LoginPath => Answer.SignIn,
            302 when location == "/account/denied" => Answer.Forbidden,
            _ => Answer.Allowed,
        };
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_area_says_in_public_mode()
    {
        // Otherwise: a new page, export or API route ships open to anyone, or a reader's or a read token's request
        // reaches an editor's action, or the editors are locked out of their own pages.
        await using var app = await PortalApp.StartAsync(database);
        await WalkAsync(app, privateMode: false);
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_area_says_in_private_mode()
    {
        // Otherwise: in private mode a route added later reads the list to anyone on the network, a token opens
        // pages, or the readers it is for are locked out.
        await using var app = await PrivateApp.StartAsync(database);
        await WalkAsync(app, privateMode: true);
    }

    [Fact]
    public async Task A_sign_out_post_without_its_antiforgery_token_signs_no_one_out()
    {
        // Otherwise: anything that makes a signed-in browser post to /account/logout (no body, JSON, a form from
        // elsewhere) signs its reader out, and the walks above lose their signed-in callers half-way.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var reader = await app.SignedInAsync(role: null);
        HttpContent?[] bodies =
        [
            null, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            new FormUrlEncodedContent(new Dictionary<string, string>()),
        ];
        foreach (var body in bodies)
            Assert.Equal(HttpStatusCode.BadRequest, (await reader.PostAsync("/account/logout", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/account/feeds")).StatusCode);

        var signedOut = await reader.PostFormAsync("/account/signout", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True((await reader.GetAsync("/account/feeds")).SendsToSignIn("/account/feeds"));
    }

    private static async Task WalkAsync(PortalApp app, bool privateMode)
    {
        var callers = await CallersAsync(app);
        var (sectionId, entryId) = await app.SeedIdsAsync();
        var endpoints = MappedEndpoints.Of(app);
        var unruled = endpoints.Where(e => e.AreaOf() is null).Select(e => e.Route()).Distinct().ToList();
        Assert.True(unruled.Count == 0, "endpoints no rule covers (give them an authorization policy, " +
            $"AllowAnonymous, or add them to MappedEndpoints.ReaderRoutes): {string.Join(", ", unruled)}");

        var wrong = new List<string>();
        var asked = 0;
        var areas = new HashSet<Area>();
        foreach (var endpoint in endpoints)
        foreach (var method in endpoint.Methods())
        {
            var area = endpoint.AreaOf()!.Value;
            areas.Add(area);
            var route = endpoint.Route();
            // A write goes to an entry that does not exist: the walk changes nothing it reads afterwards.
            var path = MappedEndpoints.Concrete(route, sectionId, method == "GET" ? entryId : 999_999_999);
            HttpStatusCode? anonymousAnswer = null;
            foreach (var caller in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = Body(endpoint, method),
                };
                if (caller.Token is { } token)
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                var response = await caller.Client.SendAsync(request);
                anonymousAnswer ??= response.StatusCode;
                asked++;
                var expected = Expected(area, caller, privateMode, route);
                var observed = expected == Answer.SameForAll && (int)response.StatusCode < 500
                    && response.StatusCode == anonymousAnswer && Observed(response) != Answer.Forbidden
                    ? Answer.SameForAll : Observed(response);
                if (observed != expected)
                    wrong.Add($"{method} {path} ({area}) as {caller.Name}: {(int)response.StatusCode} " +
                        $"{response.Headers.Location}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked} answers break the rule:\n{string.Join("\n", wrong)}");
        Assert.Equal(Enum.GetValues<Area>().ToHashSet(), areas);
    }

    /// <summary>What the endpoint takes (a form or JSON), empty: the caller is judged before the body is read, and
    /// a body of another kind would not even reach the endpoint (415).</summary>
    private static HttpContent? Body(RouteEndpoint endpoint, string method)
    {
        if (method == "GET") return null;
        var types = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
            ?? [];
        return types.Any(t => t.Contains("form", StringComparison.Ordinal))
            ? new FormUrlEncodedContent(new Dictionary<string, string>())
            : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
    }

    private static async Task<List<Caller>> CallersAsync(PortalApp app)
    {
        const string script = "script@example.org";
        await app.CreateUserAsync(script, Roles.Editor);
        var read = await app.TokenAsync(script, TokenScope.Read, "read");
        var write = await app.TokenAsync(script, TokenScope.Write, "write");
        var revoked = await app.TokenAsync(script, TokenScope.Write, "revoked");
        await using (var db = app.Database.Open())
        {
            var id = await db.ApiTokens.Where(t => t.Name == "revoked").Select(t => t.Id).SingleAsync();
            Assert.True(await ApiTokens.RevokeAsync(db, id, null, DateTimeOffset.UtcNow));
        }
        return
        [
            new("anonymous", app.Browser()),
            new("a reader", await app.SignedInAsync(role: null), SignedIn: true),
            new("an editor", await app.SignedInAsync(Roles.Editor), Roles.Editor, SignedIn: true),
            new("an administrator", await app.SignedInAsync(Roles.Admin), Roles.Admin, SignedIn: true),
            new("a read token", app.Browser(), Scope: TokenScope.Read, Token: read),
            new("a write token", app.Browser(), Scope: TokenScope.Write, Token: write),
            new("a revoked token", app.Browser(), Token: revoked),
        ];
    }
}
