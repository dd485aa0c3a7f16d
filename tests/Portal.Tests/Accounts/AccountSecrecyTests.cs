using System.Diagnostics;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Tests.Accounts;

/// <summary>
/// Nothing the sign-in form does tells an attacker which addresses have accounts (not its answer, not its time), and
/// nobody can lock an account holder out from elsewhere.
/// </summary>
[Collection(PortalCollection.Name)]
public class AccountSecrecyTests(TestDatabase database)
{
    private const string Wrong = "not the password at all";

    private static async Task<PortalApp> StartAsync(TestDatabase database)
    {
        var app = await PortalApp.StartAsync(database, importSeed: false, services: PeerAddress.Add);
        await app.CreateUserAsync("ed@example.org", Roles.Admin);
        return app;
    }

    [Fact]
    public async Task A_wrong_password_takes_as_long_for_a_real_account_as_for_an_unknown_address()
    {
        // Otherwise: timing the sign-in form (164 ms against 4 ms) tells an attacker which addresses have accounts.
        await using var app = await StartAsync(database);
        // Four tries per account at most: a lockout after five, whoever counts them, would answer without hashing.
        const int accounts = 6;
        for (var n = 0; n < accounts; n++) await app.CreateUserAsync($"ed{n}@example.org", Roles.Editor);
        var form = await SignInForm.OpenAsync(app.Browser());
        var real = new List<double>();
        var unknown = new List<double>();
        // Interleaved, each try from its own address (so the per-address limit never answers instead), after two
        // rounds that warm both paths up.
        for (var i = -2; i < 20; i++)
        {
            var forReal = await form.TimedAsync($"ed{(i + 2) % accounts}@example.org", Wrong, $"10.1.0.{i + 3}");
            var forUnknown = await form.TimedAsync("nobody@example.org", Wrong, $"10.2.0.{i + 3}");
            if (i < 0) continue;
            real.Add(forReal);
            unknown.Add(forUnknown);
        }

        var (a, b) = (Median(real), Median(unknown));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median of 20: {a:F0} ms for a real account, {b:F0} ms for an unknown address");
        Assert.True(Math.Min(a, b) >= 0.75 * Math.Max(a, b),
            $"median {a:F0} ms for a real account against {b:F0} ms for an unknown address");
    }

    [Fact]
    public async Task Wrong_passwords_get_the_same_answers_for_a_real_account_as_for_an_unknown_address()
    {
        // Otherwise: "This account is locked" after five tries tells an attacker that the address has an account.
        await using var app = await StartAsync(database);
        var form = await SignInForm.OpenAsync(app.Browser());

        var real = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            real.Add(await form.AnswerAsync("ed@example.org", Wrong, "203.0.113.7"));
            unknown.Add(await form.AnswerAsync("nobody@example.org", Wrong, "203.0.113.8"));
        }
        real.Add(await form.AnswerAsync("ed@example.org", TestUsers.Password, "203.0.113.7"));

        Assert.Equal(unknown, real.Take(6));
        Assert.Equal(unknown[^1], real[^1]);
        Assert.Contains("not right", real[^1]);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_out_that_address_and_not_the_account_holder()
    {
        // Otherwise: anyone can lock the administrator out for 15 minutes by typing five wrong passwords.
        await using var app = await StartAsync(database);
        var form = await SignInForm.OpenAsync(app.Browser());
        for (var i = 0; i < 5; i++) await form.AnswerAsync("ed@example.org", Wrong, "203.0.113.7");

        var attacker = await form.PostAsync("ed@example.org", TestUsers.Password, "203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, attacker.StatusCode);
        Assert.Contains("not right", await attacker.Content.ReadAsStringAsync());

        var owner = await app.Browser().From("198.51.100.4").LogInAsync("ed@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task The_per_address_limit_still_answers_429_whatever_accounts_are_tried()
    {
        // Otherwise: one address tries passwords for every account as fast as it can.
        await using var app = await StartAsync(database);
        var form = await SignInForm.OpenAsync(app.Browser());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await form.PostAsync($"someone-{i}@example.org", Wrong, "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_lockout_ends_after_its_duration_and_mistakes_far_apart_never_add_up()
    {
        // Otherwise: a colleague who mistyped five times is locked out for good, or a typo a month ago still counts.
        await using var fresh = await database.CreateAsync();
        await using var db = fresh.Open();
        var start = DateTimeOffset.UtcNow;
        const string ed = "ED@EXAMPLE.ORG", here = "203.0.113.7";
        for (var i = 0; i < AccountRules.MaxFailedSignIns; i++)
            await SignInFailures.RecordAsync(db, ed, here, start.AddMinutes(i));
        var lastTry = start.AddMinutes(AccountRules.MaxFailedSignIns - 1);

        Assert.True(await SignInFailures.IsLockedOutAsync(db, ed, here, lastTry.AddMinutes(14)));
        Assert.False(await SignInFailures.IsLockedOutAsync(db, ed, "198.51.100.4", lastTry.AddMinutes(14)));
        Assert.False(await SignInFailures.IsLockedOutAsync(db, ed, here, lastTry + AccountRules.LockoutDuration));

        var later = lastTry.AddHours(1);
        for (var i = 0; i < AccountRules.MaxFailedSignIns; i++)
            await SignInFailures.RecordAsync(db, "ANN@EXAMPLE.ORG", here, later.AddMinutes(16 * i));
        Assert.False(await SignInFailures.IsLockedOutAsync(db, "ANN@EXAMPLE.ORG", here,
            later.AddMinutes(16 * (AccountRules.MaxFailedSignIns - 1))));
        // Rows past the duration are gone: the table holds only what can still lock someone out.
        Assert.Equal(1, await db.SignInFailures.CountAsync());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The sign-in form, its antiforgery token read once, posted from any address.</summary>
    private sealed class SignInForm(HttpClient browser, string token)
    {
        public static async Task<SignInForm> OpenAsync(HttpClient browser)
        {
            var html = Html.Parse(await browser.GetStringAsync("/account/login"));
            return new(browser, html.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
        }

        public Task<HttpResponseMessage> PostAsync(string email, string password, string from)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = password,
                    ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add(PeerAddress.Header, from);
            return browser.SendAsync(request);
        }

        /// <summary>The sentence the form answered, which must be a refusal.</summary>
        public async Task<string> AnswerAsync(string email, string password, string from)
        {
            var response = await PostAsync(email, password, from);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role='alert']")!.TextContent;
        }

        /// <summary>Milliseconds until a refusal was answered.</summary>
        public async Task<double> TimedAsync(string email, string password, string from)
        {
            var clock = Stopwatch.StartNew();
            var response = await PostAsync(email, password, from);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return elapsed;
        }
    }
}
