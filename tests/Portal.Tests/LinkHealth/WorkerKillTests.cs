using System.Diagnostics;
using System.Text;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>A real worker process (--role worker) killed with SIGKILL in the middle of a link-check run.</summary>
[Collection(PortalCollection.Name)]
public class WorkerKillTests(TestDatabase database)
{
    private const int Urls = 60;

    [Fact]
    public async Task A_worker_killed_mid_run_loses_and_repeats_no_result_and_the_next_nightly_start_finishes_the_run()
    {
        // Otherwise: a redeploy during the nightly check leaves the report half empty, or counts some links twice.
        var page = Encoding.ASCII.GetBytes(Response(200, "OK", "Content-Type: text/html\r\n", "<title>Page</title>"));
        await using var site = new FixtureServer((_, _) => new Streamed(async (stream, ct) =>
        {
            await Task.Delay(200, ct);
            await stream.WriteAsync(page, ct);
        }));
        var settings = new Dictionary<string, string?>
        {
            ["LinkHealth:AllowedNetworks:0"] = "127.0.0.1/32",
            ["LinkHealth:AllowedPorts:0"] = site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LinkHealth:ArchiveBaseUrl"] = "",
            ["LinkHealth:ChunkSize"] = "10",
            ["LinkHealth:Politeness:MinDelayPerHost"] = "00:00:00",
        };
        await using var app = await PortalApp.StartAsync(database, importSeed: false, settings);
        await app.ImportAsync("# Kill\n\n## Pages\n\n" + string.Concat(Enumerable.Range(0, Urls).Select(i => $"* [Page {i}]({site.Url($"/p{i}")})\n")));
        app.Client();
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LinkCheckJobs>();
        var run = (await jobs.StartAsync(CheckScope.List, CheckTrigger.Manual, "test", CancellationToken.None))!;
        Assert.Equal(Urls, run.UrlCount);

        using (var first = Worker(app.Database.ConnectionString, settings))
        {
            await UntilAsync(async () => await Results(app, run.Id) >= 5, "the first worker never checked a link");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var afterKill = await Results(app, run.Id);
        Assert.True(afterKill < Urls, $"the run finished ({afterKill} results) before the worker could be killed");

        // The second worker also serves /metrics and /healthz on a port of its own (Metrics:WorkerPort), as in compose.
        var metricsPort = FreePort();
        using var second = Worker(app.Database.ConnectionString, new(settings) { ["Metrics:WorkerPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        try
        {
            await jobs.StartNightlyAsync(CancellationToken.None);
            await UntilAsync(() => app.QueryAsync(db => db.CheckRuns.AnyAsync(r => r.Id == run.Id && r.FinishedAt != null)), "the interrupted run never finished");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
            var metrics = await http.GetStringAsync("/metrics");
            Assert.Matches("cnl_link_checks_total\\{[^}]*outcome=\"Ok\"[^}]*\\} [1-9]", metrics);
            Assert.Contains("cnl_job_duration_seconds_count{", metrics);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/")).StatusCode);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
        Assert.Equal(Urls, await Results(app, run.Id));
        Assert.Equal(Urls, await app.QueryAsync(db => db.CheckResults.Where(r => r.RunId == run.Id).Select(r => r.NormalizedUrl).Distinct().CountAsync()));
        Assert.All(await app.QueryAsync(db => db.CheckResults.Where(r => r.RunId == run.Id).ToListAsync()), r => Assert.Equal(LinkOutcome.Ok, r.Outcome));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<int> Results(PortalApp app, long runId) => app.QueryAsync(db => db.CheckResults.CountAsync(r => r.RunId == runId));

    private static Task UntilAsync(Func<Task<bool>> done, string failure) =>
        Eventually.TrueAsync(done, failure, TimeSpan.FromSeconds(90));

    /// <summary>The portal's own build, started as a worker process against the test's database.</summary>
    private static Process Worker(string connectionString, Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ContainerNetLib.Portal.dll"), "--role", "worker"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        // Drained, so a chatty worker never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
