using ContainerNetLib.Portal.Tests.Accounts;
using System.Diagnostics;
using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

[Collection(PortalCollection.Name)]
public class JobServerTests(TestDatabase database)
{
    [Fact]
    public async Task The_nightly_job_is_scheduled_from_configuration_and_runs_through_hangfire_to_the_end()
    {
        // Otherwise: the schedule silently ignores the configured time, or the jobs never reach the server.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database, new()
        {
            ["LinkHealth:Cron"] = "30 3 * * 1",
            ["LinkHealth:TimeZone"] = "Europe/Berlin",
        }, role: "all");
        app.Client(); // starts the host and its job server

        var storage = app.Services.GetRequiredService<JobStorage>();
        // The job server registers the schedule once the database answers, just after the host starts.
        await Eventually.TrueAsync(() => HasEveryJob(storage), "the recurring jobs were never registered", TimeSpan.FromSeconds(30));
        using (var connection = storage.GetConnection())
        {
            var nightly = Assert.Single(connection.GetRecurringJobs(), j => j.Id == LinkCheckJobs.NightlyJobId);
            Assert.Equal("30 3 * * 1", nightly.Cron);
            Assert.Equal("Europe/Berlin", nightly.TimeZoneId);
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == LinkCheckJobs.PruneJobId);
        }
        Assert.Equal(1, await app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
            "select count(*)::int as \"Value\" from information_schema.schemata where schema_name = 'hangfire'").SingleAsync()));

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(LinkCheckJobs.NightlyJobId);

        await Eventually.TrueAsync(() => app.QueryAsync(db => db.CheckRuns.AnyAsync(r => r.FinishedAt != null)),
            "the triggered nightly run did not finish through Hangfire within a minute", TimeSpan.FromSeconds(60), everyMs: 200);
        var run = await app.QueryAsync(db => db.CheckRuns.SingleAsync());
        Assert.Equal(CheckTriggerName.Nightly, run.Trigger.ToString());
        Assert.Equal(run.UrlCount, await app.QueryAsync(db => db.CheckResults.CountAsync()));
        Assert.True(run.ChunkCount > 1);
    }

    /// <summary>
    /// The recurring jobs are there (the server registers them one after the other). Until the job server has
    /// made its schema, moments after the host starts, Hangfire's tables do not exist yet: not there yet either.
    /// </summary>
    private static bool HasEveryJob(JobStorage storage)
    {
        try
        {
            using var connection = storage.GetConnection();
            var ids = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            // Each feature registers its own (IRecurringJobs): the checks', the saved copies' and the sessions'.
            return ids.Contains(LinkCheckJobs.NightlyJobId) && ids.Contains(LinkCheckJobs.PruneJobId)
                && ids.Contains(Features.SavedCopies.SavedCopyJobs.PruneJobId)
                && ids.Contains(Features.Accounts.Sessions.SessionCleanupJob.JobId);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_administrators_only()
    {
        // Otherwise: anyone on the network can read job arguments and delete or re-run jobs.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);

        var anonymous = await app.Client().GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);

        var editor = await (await app.SignedInAsync(Roles.Editor)).GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("/account/denied", editor.Headers.Location!.PathAndQuery);

        var admin = await (await app.SignedInAsync(Roles.Admin)).GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("ContainerNetLib jobs", await admin.Content.ReadAsStringAsync());
        Assert.DoesNotContain("unsafe-eval", string.Join(";", admin.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Starting_a_check_needs_an_editor()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var response = await app.Browser().PostAsync("/link-health/check", new FormUrlEncodedContent(new Dictionary<string, string> { ["scope"] = "list" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.CheckRuns.CountAsync()));
    }

    private static class CheckTriggerName
    {
        public const string Nightly = "Nightly";
    }
}
