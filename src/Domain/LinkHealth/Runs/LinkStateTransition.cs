using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// How one result moves a link's latest state. A link counts as broken only after it failed on
/// <c>failuresBeforeBroken</c> consecutive runs, so one bad night does not flood the report.
/// </summary>
public static class LinkStateTransition
{
    /// <summary>
    /// Outcomes that count towards "broken": the page is gone, the server fails, or (in a conclusive run) the
    /// host does not answer at all. Blocked, Refused and Skipped never do.
    /// </summary>
    public static bool IsFailure(LinkOutcome outcome) =>
        outcome is LinkOutcome.Broken or LinkOutcome.ServerError || outcome.IsNetworkLevel();

    public static bool IsBroken(LinkState state, int failuresBeforeBroken) =>
        IsFailure(state.Outcome) && state.ConsecutiveFailures >= failuresBeforeBroken;

    /// <summary>Applies the result; true when the link became broken with this result.</summary>
    public static bool Apply(LinkState state, CheckResult result, int failuresBeforeBroken)
    {
        var wasBroken = state.LastRunId != 0 && IsBroken(state, failuresBeforeBroken);
        state.Url = result.Url;
        state.LastRunId = result.RunId;
        state.LastCheckedAt = result.CheckedAt;
        state.Outcome = result.Outcome;
        state.Status = result.Status;
        state.FinalUrl = result.FinalUrl;
        state.Redirects = result.Redirects;
        state.Downgraded = result.Downgraded;
        state.ElapsedMs = result.ElapsedMs;
        state.Error = result.Error;
        state.ContentType = result.ContentType;
        // A failed fetch says nothing about the title: keep the last one seen.
        if (result.FetchedTitle is not null) state.FetchedTitle = result.FetchedTitle;
        state.ConsecutiveFailures = IsFailure(result.Outcome) ? state.ConsecutiveFailures + 1 : 0;

        var isBroken = IsBroken(state, failuresBeforeBroken);
        if (isBroken && !wasBroken)
        {
            state.BrokenSinceRunId = result.RunId;
            state.BrokenSince = result.CheckedAt;
            return true;
        }
        if (!isBroken)
        {
            state.BrokenSinceRunId = null;
            state.BrokenSince = null;
            state.ArchiveUrl = null;
        }
        return false;
    }
}
