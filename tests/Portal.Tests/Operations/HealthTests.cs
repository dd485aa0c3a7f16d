using System.Net;
using System.Text.Json;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests.Operations;

[Collection(PortalCollection.Name)]
public class HealthTests(TestDatabase database)
{
    [Fact]
    public async Task Liveness_and_readiness_report_the_process_postgresql_and_job_storage()
    {
        // Otherwise: a load balancer sends readers to an instance whose database is gone, or restarts a healthy one.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var client = app.Client();

        var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["hangfire", "postgresql"], body.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("no-store", ready.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_unreachable_and_liveness_does_not()
    {
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        await app.Database.DisposeAsync(); // the database is dropped under the running portal

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("PostgreSQL", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
