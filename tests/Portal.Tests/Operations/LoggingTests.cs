using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Infrastructure.Logging;
using ContainerNetLib.Portal.Tests.Accounts;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ContainerNetLib.Portal.Tests.Operations;

[Collection(PortalCollection.Name)]
public class LoggingTests(TestDatabase database)
{

    [Fact]
    public async Task Requests_are_logged_with_method_path_status_duration_and_editor_but_never_a_password_or_cookie()
    {
        // Otherwise: the log an operator ships elsewhere hands out editors' passwords and session cookies.
        var sink = new CapturedLog();
        await using var app = await PortalApp.StartAsync(database, importSeed: false, services: s => s.AddSingleton<ILogEventSink>(sink));
        await app.CreateUserAsync("ed@example.org", Roles.Editor);
        var browser = app.Browser();
        var signIn = await browser.LogInAsync("ed@example.org", TestUsers.Password, "/link-health?secret=token-in-query");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cnl.auth=", StringComparison.Ordinal)).Split(';')[0]["cnl.auth=".Length..];
        await browser.GetAsync("/link-health");
        await browser.GetAsync("/no-such-page");

        var text = string.Join("\n", sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"))));
        Assert.DoesNotContain(TestUsers.Password, text);
        Assert.DoesNotContain(cookie, text);
        Assert.DoesNotContain("token-in-query", text);
        Assert.DoesNotContain("__RequestVerificationToken", text);

        var requests = sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)).ToList();
        var post = Assert.Single(requests, e => e.Properties["RequestMethod"].ToString() == "\"POST\"");
        Assert.Equal("\"/account/login\"", post.Properties["RequestPath"].ToString());
        Assert.Equal("302", post.Properties["StatusCode"].ToString());
        Assert.True(post.Properties.ContainsKey("Elapsed") && post.Properties.ContainsKey("RequestId"));
        var report = Assert.Single(requests, e => e.Properties["RequestPath"].ToString() == "\"/link-health\"");
        Assert.True(report.Properties.ContainsKey("UserId"), "the signed-in editor's request does not say who made it");
        Assert.Contains(requests, e => e.Properties["StatusCode"].ToString() == "404");
    }

    [Fact]
    public async Task The_documented_setting_turns_request_lines_down_and_leaves_errors_and_other_events()
    {
        // Otherwise: an operator behind a proxy that already logs every request sets the override the README gives
        // and still pays for, and ships, a second line per request.
        var sink = new CapturedLog();
        await using var app = await PortalApp.StartAsync(database, importSeed: false,
            settings: new()
            {
                // The test host hands settings over as empty parent keys, which Serilog would read as a default level.
                ["Serilog:MinimumLevel:Default"] = "Information",
                [$"Serilog:MinimumLevel:Override:{RequestLog.SourceContext}"] = "Warning",
            },
            services: s => s.AddSingleton<ILogEventSink>(sink));
        var client = app.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);

        Assert.DoesNotContain(sink.Events, e => e.MessageTemplate.Text.StartsWith("HTTP {", StringComparison.Ordinal));
        Assert.NotEmpty(sink.Events);
    }
}
