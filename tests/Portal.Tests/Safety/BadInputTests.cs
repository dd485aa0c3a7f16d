using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Tests.Shared;
using CsCheck;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>
/// Whatever lands in an address or a form, the portal answers with a page or a 4xx, never a 5xx: every route and
/// query parameter of the running app, filled with generated junk, as a reader, an editor and an administrator.
/// </summary>
[Collection(PortalCollection.Name)]
public class BadInputTests(TestDatabase server, ITestOutputHelper output)
{
    private const int Requests = 21_000;

    [Theory]
    [InlineData("/search?from=abc", "From year must be a year between 1990 and 2100.")]
    [InlineData("/search?q=docker&to=99999999999", "To year must be a year between 1990 and 2100.")]
    [InlineData("/search?q=docker&from=2020&to=2016", "From year must not be after To year.")]
    [InlineData("/search?q=docker&page=-3", "Page must be a whole number from 1 to 50.")]
    public async Task A_search_address_with_a_bad_value_answers_400_with_the_form_and_what_to_change(
        string address, string message)
    {
        // Otherwise: a reader who edited the address gets "500 Internal Server Error" and no idea what to fix.
        await using var app = await PortalApp.StartAsync(server);
        var response = await app.Client().GetAsync(address);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-testid=address-problems]")?.TextContent);
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=from]"));
    }

    [Fact]
    public async Task The_search_api_explains_a_bad_year_with_400()
    {
        // Otherwise: a script passing "from=abc" gets a bare 400 and has to guess which value was wrong.
        await using var app = await PortalApp.StartAsync(server);
        var response = await app.Client().GetAsync("/api/search?q=docker&from=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("From year must be a year between 1990 and 2100.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_the_endpoint_cannot_read_says_so_and_a_long_value_comes_back_short()
    {
        // Otherwise: an editor whose form lost a field sees a blank page, and a pasted essay in the host field
        // comes back in a redirect address too long for the proxy in front of the portal (its 502, not a message).
        await using var app = await PortalApp.StartAsync(server);
        var editor = await app.SignedInAsync(Roles.Editor);

        var unreadable = await editor.PostFormAsync("/link-health", "/link-health/exclusions/remove",
            new() { ["id"] = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(Infrastructure.StatusCodePagesScope.UnusableForm, await unreadable.Content.ReadAsStringAsync());

        var essay = new string('x', 20_000);
        var offHost = await editor.PostFormAsync("/link-health", "/link-health/copies/off", new() { ["host"] = essay });
        var offHostSaid = await editor.FollowAsync(offHost);
        var rule = await editor.PostFormAsync("/link-health", "/link-health/exclusions",
            new() { ["kind"] = "host", ["value"] = essay, ["reason"] = essay });
        foreach (var answer in new[] { offHost, rule })
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.InRange(answer.Headers.Location!.OriginalString.Length, 1, 8_000);
            // What the report will say travels in cookies, each within the 4 KB a browser keeps.
            Assert.All(answer.Headers.GetValues("Set-Cookie"), cookie => Assert.InRange(cookie.Length, 1, 4_096));
        }
        Assert.Contains("is not a host name", offHostSaid);
        Assert.Contains("The host has 20,000 characters; the limit is", await editor.FollowAsync(rule));
    }

    [Fact]
    public async Task No_generated_address_or_form_gets_a_5xx_as_reader_editor_or_administrator()
    {
        // Otherwise: a mistyped link, a bot's probe or a hand-edited address shows a server error, logged as a bug.
        await using var app = await PortalApp.StartAsync(server);
        var clients = new Dictionary<string, HttpClient>
        {
            ["reader"] = app.Client(),
            ["editor"] = await app.SignedInAsync(Roles.Editor),
            ["admin"] = await app.SignedInAsync(Roles.Admin),
        };
        var targets = AddressTarget.Of(app.Services);
        foreach (var target in targets) output.WriteLine(target.ToString());
        var names = StringComparer.OrdinalIgnoreCase;
        Assert.Contains(targets, t => t.Template == "/search" && t.QueryValues.Contains("from", names));
        Assert.Contains(targets, t => t.Template == "/api/search" && t.QueryValues.Contains("to", names));
        Assert.Contains(targets, t => t.Template.StartsWith("/admin/entries/{Id", StringComparison.Ordinal));

        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        await Probes(targets, [.. clients.Keys]).SampleAsync(async probe =>
        {
            var address = new Uri(probe.Address, UriKind.Relative);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), address);
            if (probe.Form is { } form) request.Content = new FormUrlEncodedContent(form);
            using var response = await clients[probe.As].SendAsync(request);
            Interlocked.Increment(ref sent);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync();
                throw new InvalidOperationException(
                    $"{probe} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }, iter: Requests, threads: 2, print: probe => probe.ToString());

        output.WriteLine($"{sent} requests to {targets.Count} addresses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(sent >= 20_000, $"only {sent} requests were sent");
    }

    public sealed record Probe(string As, string Method, string Address, Dictionary<string, string>? Form)
    {
        public override string ToString() => $"{Method} {Address} as {As}" + (Form is null ? "" :
            $" with form {string.Join("&", Form.Select(f => $"{f.Key}={Escape(f.Value)}"))}");
    }

    private static Gen<Probe> Probes(IReadOnlyList<AddressTarget> targets, string[] identities) =>
        from target in Gen.OneOf(targets.ToArray())
        from who in Gen.OneOf(identities)
        from post in Gen.Int[0, 9].Select(n => n == 0 && target.AcceptsPost)
        from route in RouteValue.Array[target.RouteValues.Count]
        from query in Gen.Select(Gen.Bool, QueryValue).Array[target.QueryValues.Count]
        from extra in Gen.Frequency(
            (4, Gen.Const("")), (1, QueryValue.Select(v => $"&{v}={v}")), (1, Junk.Select(j => $"&{Escape(j)}")))
        from form in Gen.Select(FormField, Junk).Array[0, 4]
        select new Probe(who, post ? "POST" : "GET", Address(target, route, query, extra),
            post ? Form(target, form) : null);

    private static string Address(
        AddressTarget target, string[] route, (bool Present, string Value)[] query, string extra)
    {
        var path = target.Fill(name => route[IndexOf(target.RouteValues, name)]);
        var pairs = target.QueryValues.Select((name, i) => query[i].Present ? $"{name}={query[i].Value}" : null);
        var queryString = string.Join("&", pairs.OfType<string>()) + extra;
        return queryString.Length == 0 ? path : $"{path}?{queryString.TrimStart('&')}";
    }

    private static Dictionary<string, string> Form(AddressTarget target, (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>();
        foreach (var (name, value) in fields) form[name] = value;
        foreach (var name in target.FormValues) form.TryAdd(name, "x");
        return form;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name) =>
        names.Select((n, i) => (n, i)).First(p => string.Equals(p.n, name, StringComparison.OrdinalIgnoreCase)).i;

    private static readonly Gen<string> FormField =
        Gen.OneOf("_handler", "__RequestVerificationToken", "Input.Email", "Input.Password", "url", "id");

    /// <summary>Values an attacker, a bot or a slip of the keyboard might send.</summary>
    private static readonly Gen<string> Junk = Gen.Frequency(
        (6, Gen.OneOf(
            "abc", "-1", "0", "1", "2016", "99999999999", "-99999999999999999999", "2147483648", "1e9", "0x10",
            "1.5", " 7 ", "", " ", "NaN", "١٢٣", "２０１６", "true", "null", "[]", "{}", "' or 1=1 --",
            "<script>alert(1)</script>", "../../etc/passwd", "..\\..\\windows", "/", "//evil.example",
            "https://evil.example/", "javascript:alert(1)", "\0", "a\0b", "\u202e", "😀", "\uFFFF", "\uD800", "é",
            "%", "ß", "\r\nSet-Cookie: x=1", "docker-and-kubernetes")),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.String),
        (1, Gen.Char.Array[0, 60].Select(c => new string(c))),
        (1, Gen.Char['a', 'z'].Array[1_000, 3_000].Select(c => new string(c))));

    /// <summary>Raw escapes not what they seem: encoded NUL, slashes, dots, broken or overlong UTF-8.</summary>
    private static readonly Gen<string> RawEscape = Gen.OneOf(
        "%00", "%zz", "%", "%2", "%2e%2e", "%2e%2e%2f%2e%2e%2f", "%2F", "%5C", "%C0%AF", "%FF%FE", "%ED%A0%80",
        "%25%30%30", "%0d%0a");

    private static readonly Gen<string> QueryValue = Gen.Frequency((4, Junk.Select(Escape)), (1, RawEscape));

    // No NUL in a path: the server (Kestrel, and the test host alike) refuses that request line before the app.
    private static readonly Gen<string> RouteValue = Gen.Frequency(
        (2, Gen.Int[1, 200].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (4, Junk.Where(j => j.Length > 0 && !j.Contains('\0')).Select(Escape)),
        (1, RawEscape.Where(e => e != "%00")),
        (1, Gen.OneOf("..", ".", "a/b", "%2e%2e/admin", "a;b", "a%3Bb")));

    /// <summary>Percent-encodes every byte but the unreserved ones; a lone surrogate goes as U+FFFD.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                text.Append((char)b);
            else
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
