using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Tests.Operations;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>
/// The webhook's address is a setting, and it passes the same address guard as the checker's links: an inside
/// address is refused at start-up when it is written as one, and when dialled when a name leads there; the operator
/// allows an inside network on purpose with LinkHealth:AllowedNetworks. The receiver is the test's own, on 127.0.0.1.
/// </summary>
[Collection(PortalCollection.Name)]
public class WebhookGuardTests(TestDatabase database)
{
    /// <summary>hooks.test is this machine, as a name on the inside would be (DNS rebinding, a split
    /// horizon).</summary>
    private sealed class InsideName : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => host == "hooks.test"
            ? Task.FromResult(new[] { IPAddress.Loopback })
            : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static Dictionary<string, string?> Settings(FixtureServer receiver, string host, bool allowInside)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:WebhookUrl"] = $"http://{host}:{receiver.Port}/hook",
            ["LinkHealth:AllowedPorts:0"] = receiver.Port.ToString(CultureInfo.InvariantCulture),
        };
        if (allowInside) settings["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32";
        return settings;
    }

    private static async Task<PortalApp> StartAsync(TestDatabase database, Dictionary<string, string?> settings,
        ILogEventSink log) =>
        await PortalApp.StartAsync(database, importSeed: false, settings, services: s =>
        {
            s.AddSingleton<IHostResolver>(new InsideName());
            s.AddSingleton<ILogEventSink>(log);
        });

    /// <summary>A nightly run that could not reach the network: the one message the webhook always gets.</summary>
    private static async Task AnnounceAsync(PortalApp app)
    {
        await using var db = app.Database.Open();
        var run = new CheckRun
        {
            Scope = "list", Trigger = CheckTrigger.Nightly, StartedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow, Verdict = RunVerdictKind.Inconclusive,
            VerdictReason = "no host answered",
        };
        db.CheckRuns.Add(run);
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<RunNotifier>().RunFinishedAsync(run.Id, CancellationToken.None);
    }

    [Fact]
    public async Task A_webhook_whose_name_leads_inside_is_not_dialled_unless_the_operator_allows_that_network()
    {
        // Otherwise: whoever can set or redirect the webhook's name makes the portal post into the private network
        // (an admin interface on 127.0.0.1, cloud metadata), which the checker itself is never allowed to reach.
        await using var receiver = Always(Response(200, "OK", body: "ok"));
        var log = new CapturedLog();
        await using (var app = await StartAsync(database, Settings(receiver, "hooks.test", allowInside: false), log))
        {
            await AnnounceAsync(app);
            Assert.Equal(0, receiver.Connections);
            Assert.Contains(log.Events, e => e.RenderMessage() is var text
                && text.Contains("its host is inside the network", StringComparison.Ordinal)
                && text.Contains("refused hooks.test: 127.0.0.1 is loopback", StringComparison.Ordinal));
        }

        await using (var app = await StartAsync(database, Settings(receiver, "hooks.test", allowInside: true), log))
        {
            await AnnounceAsync(app);
            var hook = Assert.Single(receiver.Bodies);
            Assert.Equal("/hook", hook.Path);
            Assert.Contains("could not reach the network", hook.Body);
        }
    }

    [Fact]
    public async Task A_webhook_written_as_an_inside_address_stops_the_portal_at_start_unless_its_network_is_allowed()
    {
        // Otherwise: the portal starts with a webhook the guard will refuse every night, and the team never hears of
        // a broken link; or, unguarded, it posts to 127.0.0.1.
        await using var receiver = Always(Response(200, "OK", body: "ok"));
        var log = new CapturedLog();
        var settings = Settings(receiver, "127.0.0.1", allowInside: false);
        await using (var refused = await StartAsync(database, settings, log))
            Assert.NotNull(Record.Exception(() => refused.Client()));
        Assert.Equal(0, receiver.Connections);
        var options = new LinkHealthOptions
        {
            WebhookUrl = settings["LinkHealth:WebhookUrl"], AllowedPorts = [receiver.Port],
        };
        var line = Assert.Single(new LinkHealthOptionsValidator().Validate(null, options).Failures!);
        Assert.Equal("LinkHealth:WebhookUrl is refused by the address guard (127.0.0.1 is loopback): allow its " +
            "network in LinkHealth:AllowedNetworks, and a port other than 80 or 443 in LinkHealth:AllowedPorts", line);

        await using var allowed = await StartAsync(database, Settings(receiver, "127.0.0.1", allowInside: true), log);
        await AnnounceAsync(allowed);
        Assert.Equal("/hook", Assert.Single(receiver.Bodies).Path);
    }
}
