using System.Text.RegularExpressions;
using System.Diagnostics;
using System.Net;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Operations;

[Collection(PortalCollection.Name)]
public class MetricsTests(TestDatabase database)
{
    [Fact]
    public async Task Metrics_show_request_durations_link_checks_by_outcome_job_durations_and_imports_in_prometheus_format()
    {
        // Otherwise: the team learns that the nightly check stopped, or pages got slow, from a reader.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database, role: "all");
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sections/section-a")).StatusCode);
        await app.ImportAsync(site.List.Replace("## Section B\n", $"## Section B\n\n* [Added later]({site.Url("/ok")}?later)\n"));
        long runId;
        await using (var scope = app.Services.CreateAsyncScope())
            runId = (await scope.ServiceProvider.GetRequiredService<LinkCheckJobs>()
                .StartAsync(CheckScope.List, CheckTrigger.Manual, "metrics test", CancellationToken.None))!.Id;

        // Other tests' hosts run checks in this process and database too: wait for this run and its figures.
        var (metrics, _) = await Eventually.ReadAsync(async () =>
            {
                var response = await client.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (Text: await response.Content.ReadAsStringAsync(),
                    Finished: await app.QueryAsync(db => db.CheckRuns.AnyAsync(r => r.Id == runId && r.FinishedAt != null)));
            },
            m => m.Finished && m.Text.Contains("cnl_job_duration_seconds_count{", StringComparison.Ordinal)
                && Regex.IsMatch(m.Text, "cnl_link_check_runs_total\\{[^}]*verdict=\"Conclusive\"[^}]*\\} [1-9]"),
            m => "this run's figures did not reach /metrics within a minute:\n" + m.Text, TimeSpan.FromSeconds(60),
            everyMs: 250);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics);
        Assert.Contains("http_route=\"/sections/{Slug}\"", metrics);
        Assert.Matches("cnl_link_checks_total\\{[^}]*outcome=\"Ok\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("cnl_link_checks_total\\{[^}]*outcome=\"Broken\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("job=\"CheckChunkAsync\"", metrics);
        Assert.Matches("cnl_link_check_runs_total\\{[^}]*verdict=\"Conclusive\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("cnl_imports_total\\{[^}]*result=\"applied\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("cnl_import_entries_total\\{[^}]*change=\"added\"[^}]*\\} [1-9]", metrics);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("::ffff:192.168.1.9", true)]
    [InlineData("203.0.113.7", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_local_and_private_networks_may_scrape_metrics_by_default(string? client, bool allowed)
    {
        // Otherwise: anyone on the internet reads the portal's traffic and job figures.
        Assert.Equal(allowed, MetricsOptions.IsAllowed(client is null ? null : IPAddress.Parse(client), new MetricsOptions().AllowedNetworks));
    }
}
