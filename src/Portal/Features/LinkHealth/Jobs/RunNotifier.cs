using System.Text;
using System.Text.Json;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// After a nightly run that found newly broken links, posts a summary to the configured webhook
/// (Slack-compatible: {"text": ...}) with a link to the report. A failing webhook is logged, never
/// retried into a second message.
/// </summary>
public sealed partial class RunNotifier(
    IDbContextFactory<PortalDbContext> databases,
    IHttpClientFactory clients,
    IOptions<LinkHealthOptions> options,
    ILogger<RunNotifier> logger)
{
    public const string ClientName = "webhook";

    public async Task RunFinishedAsync(long runId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookUrl)) return;
        await using var db = await databases.CreateDbContextAsync(ct);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        if (run.Trigger != CheckTrigger.Nightly || run.NewlyBroken == 0) return;
        var broken = await db.LinkStates.AsNoTracking()
            .Where(s => s.BrokenSinceRunId == runId)
            .OrderBy(s => s.Url).Select(s => new { s.Url, s.Status, s.Outcome }).Take(10).ToListAsync(ct);

        var report = options.Value.PublicUrl is { Length: > 0 } site ? new Uri(new Uri(site), "/link-health").AbsoluteUri : "/link-health";
        var lines = broken.Select(b => $"• {b.Url} ({(b.Status?.ToString() ?? b.Outcome.ToString())})");
        var more = run.NewlyBroken > broken.Count ? $"\n…and {run.NewlyBroken - broken.Count} more" : "";
        var text = $"Nightly link check: {run.NewlyBroken} newly broken of {run.UrlCount} links.\n{string.Join('\n', lines)}{more}\nReport: {report}";
        try
        {
            // A plain body with a length: some webhook receivers refuse chunked uploads.
            using var body = new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(options.Value.WebhookUrl, body, ct);
            if (!response.IsSuccessStatusCode) LogWebhookFailed(logger, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogWebhookFailed(logger, e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The link-health webhook was not delivered: {Reason}")]
    private static partial void LogWebhookFailed(ILogger logger, string reason);
}
