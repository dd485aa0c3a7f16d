using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Features.LinkHealth;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Tests.Shared;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.LinkHealth;

/// <summary>
/// Every route of Hangfire's dashboard, asked by an administrator with every method and every kind of body the
/// dashboard's own script does not send: none answers 5xx.
/// </summary>
[Collection(PortalCollection.Name)]
public class JobsDashboardTests(TestDatabase database)
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    [Fact]
    public async Task No_dashboard_route_answers_a_server_error_whatever_the_method_or_body()
    {
        // Otherwise: an administrator who opens a dashboard address by hand (GET /admin/jobs/stats) gets a 500 and a
        // stack trace in the log, and a scanner fills the log with them.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var (admin, jobId, header, token) = await DashboardAsync(app);

        var templates = Templates(app.Services.GetRequiredService<RouteCollection>());
        Assert.Contains("/stats", templates);
        Assert.Contains("/jobs/failed/delete", templates);
        var failures = new List<string>();
        var asked = 0;
        foreach (var path in templates.SelectMany(t => Paths(t, jobId)))
        foreach (var method in Methods)
        foreach (var (body, content) in Bodies(token))
        foreach (var withToken in new[] { false, true })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), LinkHealthEndpoints.DashboardPath + path)
            {
                Content = content(),
            };
            if (withToken) request.Headers.Add(header, token);
            var response = await admin.SendAsync(request);
            asked++;
            if ((int)response.StatusCode >= 500)
                failures.Add($"{method} {path} ({body}{(withToken ? ", antiforgery header" : "")}): " +
                    $"{(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {asked} answered 5xx:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task The_dashboard_still_reads_its_statistics_and_runs_its_commands_as_its_own_script_sends_them()
    {
        // Otherwise: the guard against bad requests breaks the dashboard's live counters or its buttons.
        await using var app = await PortalApp.StartAsync(database, importSeed: false);
        var (admin, jobId, header, token) = await DashboardAsync(app);

        var stats = await Post(admin, "/stats", header, token, new() { ["metrics[]"] = "succeeded:count" });
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("succeeded:count", await stats.Content.ReadAsStringAsync());
        // A job's own buttons post nothing but the antiforgery header.
        using var requeue = new HttpRequestMessage(HttpMethod.Post,
            $"{LinkHealthEndpoints.DashboardPath}/jobs/actions/requeue/{jobId}") { Headers = { { header, token } } };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(requeue)).StatusCode);
        var delete = await Post(admin, "/jobs/enqueued/delete", header, token, new() { ["jobs[]"] = jobId });
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("Deleted", connection.GetStateData(jobId)?.Name);
    }

    /// <summary>An administrator on the dashboard, one job waiting in the queue, and what the dashboard's script sends
    /// with its posts.</summary>
    private static async Task<(HttpClient Admin, string JobId, string Header, string Token)> DashboardAsync(
        PortalApp app)
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        // Throws when Hangfire's schema was never installed.
        await app.Services.GetRequiredService<JobStorageReadiness>().WaitAsync(TestContext.Current.CancellationToken);
        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<LinkCheckJobs>(j => j.PruneHistoryAsync(CancellationToken.None));
        var (header, token) = AntiforgeryOf(await admin.GetStringAsync(LinkHealthEndpoints.DashboardPath));
        return (admin, jobId, header, token);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string header, string token,
        Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LinkHealthEndpoints.DashboardPath + path)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add(header, token);
        return client.SendAsync(request);
    }

    /// <summary>What the dashboard's script sends with its posts (the layout's csrf meta elements).</summary>
    private static (string Header, string Token) AntiforgeryOf(string page)
    {
        var html = Html.Parse(page);
        var header = html.QuerySelector("meta[name=csrf-header]")?.GetAttribute("content");
        var token = html.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content");
        Assert.False(string.IsNullOrEmpty(header) || string.IsNullOrEmpty(token),
            "the dashboard gave no antiforgery token");
        return (header, token);
    }

    private static IEnumerable<(string Name, Func<HttpContent?> Content)> Bodies(string token) =>
    [
        ("no body", () => null),
        ("JSON", () => new StringContent("{\"metrics[]\":\"x\"}", System.Text.Encoding.UTF8, "application/json")),
        ("a form", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "1" })),
        ("a form naming a job that is not a number", () => new FormUrlEncodedContent(
            new Dictionary<string, string> { ["jobs[]"] = "x", ["metrics[]"] = "x" })),
        ("the token in a form", () => new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token })),
        ("a multipart form without its boundary", () => new StringContent("--x\r\n", System.Text.Encoding.UTF8)
            { Headers = { ContentType = new("multipart/form-data") } }),
    ];

    /// <summary>
    /// The dashboard's route templates. Hangfire lists them in a private field of its route collection and offers no
    /// public way to enumerate them; read here, in a test, so that a route a later Hangfire adds is walked too.
    /// </summary>
    private static List<string> Templates(RouteCollection routes)
    {
        var field = typeof(RouteCollection).GetField("_dispatchers", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(field);
        var dispatchers = (System.Collections.IEnumerable)field.GetValue(routes)!;
        return dispatchers.Cast<Tuple<string, IDashboardDispatcher>>().Select(d => d.Item1).ToList();
    }

    /// <summary>Addresses a template matches: a real job and a made-up one, the default queue, a bundle's
    /// number.</summary>
    private static IEnumerable<string> Paths(string template, string jobId)
    {
        var path = template.Replace("[0-9]+", "0", StringComparison.Ordinal);
        if (!path.Contains("(?<", StringComparison.Ordinal)) return [path];
        string[] values = [jobId, "999999", "default"];
        return values.Select(value => Regex.Replace(path, @"\(\?<\w+>[^)]*\)", value)).Distinct();
    }
}
