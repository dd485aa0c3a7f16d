using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Whether a run says something about the links or only about the checker's own network. When most hosts
/// could not be reached at all (no name resolved, no connection), the probe is down, not the web: such a
/// run is inconclusive and moves no link's state, as monitoring systems hold back alerts when their
/// vantage point fails.
/// </summary>
public static class RunVerdict
{
    /// <param name="results">Every URL of the run: its host key (see <see cref="UnreachableHosts.EndpointOf"/>) and
    /// outcome.</param>
    /// <param name="canaries">The operator's canary URLs as checked at the end of the run; empty when none are
    /// set.</param>
    public static RunConclusion Decide(
        IEnumerable<(string Host, LinkOutcome Outcome)> results, IReadOnlyList<LinkOutcome> canaries,
            OutageSettings settings)
    {
        var hosts = Hosts(results);
        var unreachable = hosts.Where(h => h.IsUnreachable).Select(h => h.Outcomes).ToList();
        var facts = new HostFacts(hosts.Count, unreachable.Count, Causes(unreachable));
        // A canary the address guard refused (or that is not http(s)) was never dialled: a setting to fix, not an
        // outage.
        canaries = canaries.Where(c => !c.IsUndialled()).ToList();
        var canaryAnswered = canaries.Any(c => !c.IsNetworkLevel());

        if (canaries.Count > 0 && !canaryAnswered)
            return RunConclusion.Inconclusive(
                $"the checker could not reach the network: none of the {Counted.Of(canaries.Count, "canary URL")} " +
                    "answered", facts);
        if (hosts.Count >= settings.MinHosts && unreachable.Count > settings.HostShare * hosts.Count)
            return RunConclusion.Inconclusive($"the checker could not reach the network: {facts.Describe()}", facts);
        if (hosts.Count > 0 && hosts.Count < settings.MinHosts && unreachable.Count == hosts.Count && !canaryAnswered)
            return RunConclusion.Inconclusive(
                $"no host answered and too few were checked to tell a dead link from a network outage: " +
                    $"{facts.Describe()}" +
                (canaries.Count == 0 ? "; set LinkHealth:Canaries to tell them apart" : ""), facts);
        return RunConclusion.Conclusive(facts);
    }

    /// <summary>
    /// The hosts a run dialled, each with its outcomes; unreachable when none of them got an answer at all. The one
    /// rule for "host unreachable", in the verdict and on the report.
    /// </summary>
    public static List<HostOutcomes> Hosts(IEnumerable<(string Host, LinkOutcome Outcome)> results) => results
        .Where(r => !r.Outcome.IsUndialled())
        .GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase)
        .Select(g => new HostOutcomes(g.Key, g.Select(r => r.Outcome).ToList()))
        .ToList();

    private static string Causes(List<List<LinkOutcome>> unreachable) => string.Join(", ", unreachable
        .SelectMany(outcomes => outcomes).GroupBy(o => o).OrderByDescending(g => g.Count())
        .Select(g => $"{OutcomeText.Of(g.Key)}: {g.Count()}"));
}

public sealed record HostOutcomes(string Host, List<LinkOutcome> Outcomes)
{
    public bool IsUnreachable => Outcomes.All(o => o.IsNetworkLevel());
}

public sealed record OutageSettings(double HostShare = 0.5, int MinHosts = 5);

/// <summary>How many hosts a run tried and how many it could not reach at all, with the causes.</summary>
public sealed record HostFacts(int Hosts, int Unreachable, string Causes)
{
    public string Describe() =>
        $"{Unreachable} of {Counted.Of(Hosts, "host")} could not be reached" + (Causes.Length > 0 ? $" ({Causes})"
            : "");
}

public sealed record RunConclusion(bool IsConclusive, string? Reason, HostFacts Hosts)
{
    public static RunConclusion Conclusive(HostFacts hosts) => new(true, null, hosts);
    public static RunConclusion Inconclusive(string reason, HostFacts hosts) => new(false, reason, hosts);
}
