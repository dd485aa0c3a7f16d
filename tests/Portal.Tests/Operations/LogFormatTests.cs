using System.Net;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Infrastructure.Logging;
using ContainerNetLib.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;
using Serilog.Core;
using Serilog.Events;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>Readable lines at a terminal, JSON for log shippers; no HTTPS warning on plain loopback HTTP.</summary>
[Collection(PortalCollection.Name)]
public class LogFormatTests(TestDatabase database)
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ContainerNetLib.Portal";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static LogFormat Read(string environment, string? setting) => LogFormats.Read(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LogFormats.Setting] = setting }).Build(),
        new Environment(environment));

    [Fact]
    public void Json_is_the_default_outside_development_and_text_is_one_setting_away()
    {
        // Otherwise: a container's log shipper gets lines it cannot parse, or a person at a terminal reads walls of JSON.
        Assert.Equal(LogFormat.Json, Read("Production", null));
        Assert.Equal(LogFormat.Json, Read("Staging", ""));
        Assert.Equal(LogFormat.Text, Read("Development", null));
        Assert.Equal(LogFormat.Text, Read("Production", "text"));
        Assert.Equal(LogFormat.Json, Read("Development", "Json"));
        var bad = Assert.Throws<ConfigurationException>(() => Read("Production", "Xml"));
        Assert.Equal("Portal:LogFormat 'Xml' is not one of Text, Json", bad.Message);
    }

    [Fact]
    public void The_run_script_asks_for_readable_lines()
    {
        // Otherwise: scripts/run.sh, meant for a person trying the portal, prints compact JSON.
        var script = File.ReadAllText(Path.Combine(RepoRoot.Path, "scripts", "run.sh"));
        Assert.Contains("Portal__LogFormat=\"${Portal__LogFormat:-Text}\" exec dotnet run", script);
    }


    [Fact]
    public async Task Plain_http_without_an_https_port_gives_no_warning_and_a_configured_port_still_redirects()
    {
        // Otherwise: every start on a laptop warns "Failed to determine the https port for redirect", or a deployment that
        // set ReverseProxy:HttpsPort stops sending readers to HTTPS.
        var sink = new CapturedLog();
        await using (var app = await PortalApp.StartAsync(database, importSeed: false, services: s => s.AddSingleton<ILogEventSink>(sink)))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/search?q=veth")).StatusCode);
        }
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Warning
            && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("HttpsPolicy", StringComparison.Ordinal));

        await using var redirecting = await PortalApp.StartAsync(database, importSeed: false,
            settings: new() { ["ReverseProxy:HttpsPort"] = "8443" });
        var response = await redirecting.Client().GetAsync("/");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost:8443/", response.Headers.Location?.ToString());
    }
}
