using ContainerNetLib.Domain.Text;
using System.Globalization;
using System.Security.Claims;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Infrastructure.Rendering;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth.Runs;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Infrastructure;
using ContainerNetLib.Portal.Features.LinkHealth.Drift;
using ContainerNetLib.Portal.Features.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.LinkHealth.Jobs;
using ContainerNetLib.Portal.Features.LinkHealth.Report;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Mvc;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.LinkHealth;

/// <summary>
/// The report's downloads and the editors' one-click fixes. Every action is a POST with an
/// antiforgery token, answers with a redirect back to the report and a notice saying what happened.
/// </summary>
public static class LinkHealthEndpoints
{
    public const string DashboardPath = PageAreas.JobDashboard;

    public static IEndpointRouteBuilder MapLinkHealth(this IEndpointRouteBuilder endpoints)
    {
        var editors = endpoints.MapGroup("/link-health").RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        editors.MapGet("/report.csv", async (ReportQueries reports, CancellationToken ct) =>
            Results.Text(ReportExports.Csv(await reports.ReadAsync(ct)),
                "text/csv; charset=utf-8")).WithName("link-health-csv");
        editors.MapGet("/report.json", async (ReportQueries reports, CancellationToken ct) =>
            Results.Text(ReportExports.JsonDocument(await reports.ReadAsync(ct)), "application/json; charset=utf-8"));
        editors.MapGet("/report.md", async (ReportQueries reports, CancellationToken ct) =>
            Results.Text(ReportExports.Markdown(await reports.ReadAsync(ct)), "text/markdown; charset=utf-8"));

        // The summary readers see on /link-health, for scripts and dashboards: the same figures as the cards.
        endpoints.MapGet("/api/link-health", async (ReportQueries reports, CancellationToken ct) =>
        {
            var report = await reports.ReadAsync(ct);
            return Results.Ok(new ApiLinkHealth(
                report.LastRun is { } run ? new ApiRun(run.Id, run.StartedAt, run.FinishedAt, run.Verdict?.ToString(),
                    run.VerdictReason) : null,
                ReportExports.Figures(report)));
        }).WithTags("Link health");

        editors.MapPost("/check", StartCheckAsync);
        editors.MapPost("/use-url", UseUrlAsync);
        editors.MapPost("/accept-title", AcceptTitleAsync);
        editors.MapPost("/accept", AcceptStateAsync);
        editors.MapPost("/unaccept", UnacceptStateAsync);
        editors.MapExclusions();
        editors.MapPageDrifts();

        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, DashboardPath, new DashboardOptions
        {
            // The policy above decides who gets in; Hangfire's own default (local requests only) would lock everyone
            // out.
            Authorization = [],
            AppPath = "/link-health",
            DashboardTitle = "ContainerNetLib jobs",
        }).AnswerOnlyWhatTheDashboardReads();
        return endpoints;
    }

    internal static IResult Back(string message) => new ReportNotice(Capped(message, 500)).Redirect();

    /// <summary>Text that travels back to the report in its notice: a message quoting what was typed stays short
    /// enough for a cookie, whatever was posted.</summary>
    internal static string Capped(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>What someone typed, quoted in a message: its start when it is long.</summary>
    internal static string Quoted(string? typed) => $"'{Capped(typed ?? "", 80)}'";

    private static async Task<IResult> StartCheckAsync([FromForm] string scope, LinkCheckJobs jobs,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (CheckScope.TryParse(scope) is not { } parsed)
            return Back($"{Quoted(scope)} is not something that can be checked.");
        var run = await jobs.StartAsync(parsed, CheckTrigger.Manual, user.Identity?.Name, ct);
        return run is null
            ? Back($"Nothing to check: {parsed.Description} does not exist (any more).")
            : Back($"Check of {parsed.Description} started: {Counted.Of(run.UrlCount, "URL")} (run {run.Id}). Reload " +
                "this page to see results as they come in.");
    }

    /// <summary>
    /// Swaps a link for where it moved, or for its archived copy; the target comes from the check, not the
    /// form. An editor's change like any other: recorded in history, refused over someone else's newer save.
    /// </summary>
    private static async Task<IResult> UseUrlAsync(
        [FromForm] long entryId, [FromForm] string url, [FromForm] string target, ClaimsPrincipal user,
        EntryEditing editing, LinkCheckJobs jobs, CancellationToken ct)
    {
        string? replacement = null;
        var outcome = await editing.ChangeAsync(entryId, EditorIdentity.From(user), "link replaced",
            e => $"Replaced {url} with {replacement} in “{ContentHistory.Name(e)}”", async (db, entry, now) =>
            {
                var link = entry.Links.FirstOrDefault(l => l.Url == url);
                if (link is null) return "That link is gone; nothing was changed.";
                var state = await db.LinkStates.AsNoTracking().SingleOrDefaultAsync(s =>
                    s.NormalizedUrl == link.NormalizedUrl, ct);
                replacement = target switch
                {
                    "final" => state?.FinalUrl,
                    "archive" => state?.ArchiveUrl,
                    _ => null,
                };
                if (replacement is null) return "There is no new URL for that link any more; nothing was changed.";
                return EntryContent.Rewrite(entry, EntryContent.ReplaceUrl(entry.Markdown, url, replacement), now)
                    is null ? null : "The entry could not be rewritten with the new URL; nothing was changed.";
            }, ct);
        if (outcome is not EditOutcome.Saved) return Back(Refusal(outcome));
        // The new address has never been checked: check it now rather than tonight.
        await jobs.StartAsync(CheckScope.Entry(entryId), CheckTrigger.Manual, user.Identity?.Name, ct);
        return Back($"Updated: {url} is now {replacement}. It is being checked now.");
    }

    private static async Task<IResult> AcceptTitleAsync([FromForm] long entryId, ClaimsPrincipal user,
        EntryEditing editing, CancellationToken ct)
    {
        string? title = null;
        var outcome = await editing.ChangeAsync(entryId, EditorIdentity.From(user), "title accepted",
            e => $"Took the page's own title “{title}”", async (db, entry, now) =>
            {
                if (entry.NormalizedUrl is null) return "That entry has no link; nothing was changed.";
                var fetched = await db.LinkStates.AsNoTracking().Where(s => s.NormalizedUrl == entry.NormalizedUrl)
                    .Select(s => s.FetchedTitle).SingleOrDefaultAsync(ct);
                if (string.IsNullOrWhiteSpace(fetched)) return "No fetched title for that entry; nothing was changed.";
                title = string.Join(' ', fetched.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                return EntryContent.ReplaceTitle(entry, title) is { } markdown
                    && EntryContent.Rewrite(entry, markdown, now) is null
                    ? null : "The entry's title could not be rewritten; nothing was changed.";
            }, ct);
        return Back(outcome is EditOutcome.Saved ? $"Title updated to \"{title}\"." : Refusal(outcome));
    }

    /// <summary>Why a change from the report's forms was not made, in one sentence.</summary>
    internal static string Refusal(EditOutcome outcome) => outcome switch
    {
        EditOutcome.Invalid invalid => invalid.Message,
        EditOutcome.Duplicate duplicate =>
            $"Nothing was changed: that address is already in the list ({duplicate.Places()}).",
        EditOutcome.Conflict conflict =>
            $"Nothing was changed: {EditConflicts.Who(conflict)} changed that entry at the same moment. Try again.",
        _ => "That entry is gone; nothing was changed.",
    };

    private static async Task<IResult> AcceptStateAsync(
        [FromForm] string url, [FromForm] string? reason, [FromForm] string? until, ClaimsPrincipal user,
        EditUnit unit, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(reason))
            return Back("Say why the link is fine, e.g. \"opens in a browser, bot wall\". Nothing was changed.");
        if (TextField.Reason.Problem(reason.Trim()) is { } problem) return Back($"{problem} Nothing was changed.");
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var expiry) ||
            expiry <= today || expiry > today.AddYears(1))
            return Back("Give an expiry date after today and within a year. Nothing was changed.");

        return Back(await ChangeStateAsync(url, user, unit, state =>
        {
            state.AcceptedReason = reason.Trim();
            state.AcceptedUntil = expiry;
            state.AcceptedBy = user.Identity?.Name;
            return $"Accepted until {expiry:yyyy-MM-dd}: {state.Url}.";
        }, ct));
    }

    private static async Task<IResult> UnacceptStateAsync(
        [FromForm] string url, ClaimsPrincipal user, EditUnit unit, CancellationToken ct) =>
        Back(await ChangeStateAsync(url, user, unit, state =>
        {
            state.AcceptedReason = null;
            state.AcceptedUntil = null;
            state.AcceptedBy = null;
            return $"No longer accepted: {state.Url}.";
        }, ct));

    /// <summary>Whether a link is accepted as fine is kept on its state row, by whom included; readers' badges
    /// change with it.</summary>
    private static async Task<string> ChangeStateAsync(string url, ClaimsPrincipal user, EditUnit unit,
        Func<LinkState, string> change, CancellationToken ct)
    {
        // Looked up by the address the form sent: one the list cannot hold is no link's.
        if (TextField.WebAddress.Problem(url) is not null)
            return "That link has not been checked; nothing was changed.";
        var outcome = await unit.RunAsync(EditorIdentity.From(user), async edit =>
        {
            var state = await edit.Db.LinkStates.SingleOrDefaultAsync(s => s.NormalizedUrl == url, ct);
            if (state is null) return Edit.Refuse("That link has not been checked; nothing was changed.");
            var message = change(state);
            edit.RecordOnItsRow();
            return Edit.Done(() => message);
        }, conflict: null, ct);
        return outcome is EditOutcome.Changed changed ? changed.Message : Refusal(outcome);
    }
}

public sealed record ApiLinkHealth(ApiRun? LastRun, IReadOnlyDictionary<string, int> Figures);

public sealed record ApiRun(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Verdict,
    string? Reason);
