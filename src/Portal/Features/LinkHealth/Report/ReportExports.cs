using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>The report as files: CSV for spreadsheets, JSON for scripts, Markdown for chat and tickets.</summary>
public static class ReportExports
{
    private static readonly string[] Columns =
    [
        "section", "entry_id", "entry_title", "url", "outcome", "status", "broken", "consecutive_failures", "final_url",
        "redirect_downgraded", "fetched_title", "content_type", "elapsed_ms", "error", "archive_url", "accepted_reason",
        "accepted_until", "checked_at", "last_run_outcome", "last_run_error", "excluded_by", "last_push",
    ];

    public static string Csv(HealthReport report)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append("\r\n");
        foreach (var l in report.Links)
        {
            string?[] values =
            [
                l.SectionTitle, l.EntryId.ToString(CultureInfo.InvariantCulture), l.EntryTitle, l.Url,
                l.Outcome.ToString(),
                l.Status?.ToString(CultureInfo.InvariantCulture), l.CountsAsBroken ? "yes" : "no",
                l.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture), l.FinalUrl, l.Downgraded ? "yes" : "no",
                l.FetchedTitle,
                l.ContentType, l.ElapsedMs.ToString(CultureInfo.InvariantCulture), l.Error, l.ArchiveUrl,
                l.AcceptedReason,
                l.AcceptedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.CheckedAt.ToString("O", CultureInfo.InvariantCulture),
                l.LastRunOutcome?.ToString(), l.LastRunError, l.ExcludedBy, l.LastPush is null ? null : LastPush(l),
            ];
            csv.AppendJoin(',', values.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a fetched title as a
    /// formula.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string JsonDocument(HealthReport report) => JsonSerializer.Serialize(new
    {
        lastRun = report.LastRun,
        figures = Figures(report),
        lastRunOutcomes = report.LastRunOutcomes.ToDictionary(c => c.Key.ToString(), c => c.Value),
        unreachableHosts = report.LastRunUnreachable,
        failuresBeforeBroken = report.FailuresBeforeBroken,
        newlyBroken = report.NewlyBroken.Select(l => l.Url).Distinct(),
        exclusions = report.Exclusions,
        archivedRepositories = report.ArchivedRepositories.DistinctBy(l => l.NormalizedUrl)
            .Select(l => new { l.Url, l.LastPush }),
        links = report.Links,
    }, Json);

    /// <summary>The run's numbers by key (checked, working, failed, broken...), as the cards show them.</summary>
    public static Dictionary<string, int> Figures(HealthReport report) => report.LastRun is { } run
        ? RunFigures.Of(run, report.FailuresBeforeBroken).ToDictionary(f => f.Key, f => f.Count)
        : [];

    public static string Markdown(HealthReport report)
    {
        var md = new StringBuilder();
        md.Append("# Link health\n\n");
        if (report.LastRun is { } run)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"Last run {run.StartedAt:yyyy-MM-dd HH:mm} UTC: " +
                    $"{(run.IsInconclusive ? "inconclusive" : "conclusive")}.\n\n");
            if (run.IsInconclusive)
                md.Append(CultureInfo.InvariantCulture,
                    $"The checker could not reach the network ({run.VerdictReason}); no link's state changed.\n\n");
            md.Append("| | Links | What it means |\n|---|---|---|\n");
            foreach (var figure in RunFigures.Of(run, report.FailuresBeforeBroken))
                md.Append(CultureInfo.InvariantCulture,
                    $"| {figure.Label} | {figure.Count} | {figure.Explanation} |\n");
        }
        md.Append("\n## Outcomes of the last run\n\n| Outcome | Links | What it means |\n|---|---|---|\n");
        foreach (var row in RunFigures.Outcomes(report.LastRunOutcomes, report.FailuresBeforeBroken))
            md.Append(CultureInfo.InvariantCulture, $"| {row.Label} | {row.Count} | {row.Explanation} |\n");
        foreach (var endpoint in report.LastRunUnreachable)
            md.Append(CultureInfo.InvariantCulture, $"\nhost unreachable: {endpoint.Endpoint}, " +
                $"{Counted.Of(endpoint.Links, "link")} ({OutcomeText.Of(endpoint.Outcome)})\n");
        Section(md, "Newly broken", report.NewlyBroken);
        Section(md, "Broken", report.BrokenLinks);
        md.Append("\n## Moved permanently\n\n");
        foreach (var l in report.Redirects) md.Append(CultureInfo.InvariantCulture,
            $"- <{l.Url}> → <{l.FinalUrl}> ({l.SectionTitle})\n");
        md.Append("\n## Archived repositories\n\n");
        foreach (var l in report.ArchivedRepositories)
            md.Append(CultureInfo.InvariantCulture, $"- <{l.Url}> (last push {LastPush(l)}) in {l.SectionTitle}\n");
        Excluded(md, report);
        return md.ToString();
    }

    public static string LastPush(ReportLink link) =>
        link.LastPush?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";

    private static void Excluded(StringBuilder md, HealthReport report)
    {
        md.Append("\n## Excluded (not checked)\n\n");
        foreach (var l in report.Excluded)
            md.Append(CultureInfo.InvariantCulture,
                $"- <{l.Url}> in {l.SectionTitle}: excluded by rule: {l.ExcludedBy}\n");
        if (!report.Excluded.Any()) md.Append("None.\n");
        md.Append("\nRules:\n\n");
        foreach (var r in report.Exclusions)
            md.Append(CultureInfo.InvariantCulture, $"- {r.Text} ({r.Provenance()})\n");
        if (report.Exclusions.Count == 0) md.Append("None.\n");
    }

    private static void Section(StringBuilder md, string heading, IEnumerable<ReportLink> links)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n## {heading}\n\n");
        var any = false;
        foreach (var l in links)
        {
            any = true;
            var status = l.Status?.ToString(CultureInfo.InvariantCulture) ?? OutcomeText.Of(l.Outcome);
            md.Append(CultureInfo.InvariantCulture, $"- <{l.Url}> ({status}) in {l.SectionTitle}");
            if (l.ArchiveUrl is not null) md.Append(CultureInfo.InvariantCulture, $", archived: <{l.ArchiveUrl}>");
            md.Append('\n');
        }
        if (!any) md.Append("None.\n");
    }
}
