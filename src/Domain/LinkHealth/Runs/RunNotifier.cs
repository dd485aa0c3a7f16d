using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>Where a finished run is announced: a Slack-compatible incoming webhook and the portal's address for
/// links.</summary>
public sealed record NotifySettings(string? WebhookUrl, string? PublicUrl);

/// <summary>
/// Tells the team about a finished nightly (or command-line) run: one warning in the log and one webhook
/// message when the checker could not reach the network, or one message listing the newly broken links.
/// A failing webhook is logged, never retried into a second message. Its client dials through the checker's
/// address guard (<see cref="GuardedConnector"/>): an inside address is refused unless LinkHealth:AllowedNetworks allows
/// it.
/// </summary>
public sealed partial class RunNotifier(
    IDbContextFactory<PortalDbContext> databases, HttpClient webhook, NotifySettings settings,
        ILogger<RunNotifier> logger)
{
    public async Task RunFinishedAsync(long runId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        if (run.Verdict == RunVerdictKind.Inconclusive) LogInconclusive(logger, run.Id, run.VerdictReason ?? "");
        if (string.IsNullOrEmpty(settings.WebhookUrl) || run.Trigger == CheckTrigger.Manual) return;
        if (run.Verdict == RunVerdictKind.Inconclusive)
            await PostAsync(Describe(run) +
                $" could not reach the network, so no link's state was changed: {run.VerdictReason}." +
                $"\n{RunSentence.Of(run)}\nReport: {ReportUrl()}", ct);
        else if (run.NewlyBroken > 0)
            await PostAsync(await NewlyBrokenAsync(db, run, ct), ct);
    }

    private async Task<string> NewlyBrokenAsync(PortalDbContext db, CheckRun run, CancellationToken ct)
    {
        var broken = await db.LinkStates.AsNoTracking()
            .Where(s => s.BrokenSinceRunId == run.Id)
            .OrderBy(s => s.Url).Select(s => new { s.Url, s.Status, s.Outcome }).Take(10).ToListAsync(ct);
        var lines = broken.Select(b => $"• {b.Url} ({b.Status?.ToString() ?? OutcomeText.Of(b.Outcome)})");
        var more = run.NewlyBroken > broken.Count ? $"\n…and {run.NewlyBroken - broken.Count} more" : "";
        return $"{Describe(run)}: {run.NewlyBroken} newly broken of {Counted.Of(run.UrlCount, "link")}.\n" +
            $"{string.Join('\n', lines)}{more}\n{RunSentence.Of(run)}\nReport: {ReportUrl()}";
    }

    private static string Describe(CheckRun run) =>
        run.Trigger == CheckTrigger.Nightly ? "Nightly link check" : "Link check";

    private string ReportUrl() =>
        settings.PublicUrl is { Length: > 0 } site ? new Uri(new Uri(site),
            "/link-health").AbsoluteUri : "/link-health";

    private Task PostAsync(string text, CancellationToken ct) => settings.WebhookUrl is { Length: > 0 } url
        ? SlackWebhook.PostAsync(webhook, url, text, "link-health", logger, ct)
        : Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Link check run {RunId} is inconclusive, no link's state was changed: {Reason}")]
    private static partial void LogInconclusive(ILogger logger, long runId, string reason);
}
