using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// A finished run's numbers, counted once from its results and the links' states after it: the report's
/// cards and table, its downloads, the webhook and the command line all show these.
/// </summary>
public static class RunTally
{
    public static RunCounts Count(
        IReadOnlyCollection<CheckResult> results, IEnumerable<LinkState> statesAfter, HostFacts hosts,
        int failuresBeforeBroken,
        DateOnly today)
    {
        var states = statesAfter.Where(s => !s.IsAcceptedOn(today)).ToList();
        return new RunCounts
        {
            Ok = results.Count(r => r.Outcome == LinkOutcome.Ok),
            Redirected = results.Count(r => r.Outcome == LinkOutcome.Redirected),
            Failed = results.Count(r => LinkStateTransition.IsFailure(r.Outcome)),
            NetworkFailures = results.Count(r => r.Outcome.IsNetworkLevel()),
            Blocked = results.Count(r => r.Outcome == LinkOutcome.Blocked),
            Skipped = results.Count(r => r.Outcome.IsUndialled()),
            Other = results.Count(r => r.Outcome.IsWorking() && r.Outcome is not (LinkOutcome.Ok or
                LinkOutcome.Redirected)),
            Broken = states.Count(s => LinkStateTransition.IsBroken(s, failuresBeforeBroken)),
            Watching = states.Count(s => LinkStateTransition.IsFailure(s.Outcome) && !LinkStateTransition.IsBroken(s,
                failuresBeforeBroken)),
            Hosts = hosts.Hosts,
            UnreachableHosts = hosts.Unreachable,
            HostSkipped = results.Count(r => r.HostSkipped),
        };
    }
}
