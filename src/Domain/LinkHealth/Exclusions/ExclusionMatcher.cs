namespace ContainerNetLib.Domain.LinkHealth.Exclusions;

/// <summary>The rules in force on one day: which one, if any, excludes a link.</summary>
public sealed class ExclusionMatcher(IEnumerable<ExclusionRule> rules, DateOnly today)
{
    // The most particular rule names the exclusion: an exact URL, then the longest prefix, then a host.
    private readonly List<ExclusionRule> _active = rules.Where(r => r.IsActive(today))
        .OrderBy(r => r.Kind == ExclusionKind.Host ? 2 : r.Kind == ExclusionKind.Prefix ? 1 : 0)
        .ThenByDescending(r => r.Value.Length)
        .ToList();

    public ExclusionRule? Match(string normalizedUrl) => _active.FirstOrDefault(r => r.Covers(normalizedUrl));

    /// <summary>What a run records for an excluded link instead of dialling it.</summary>
    public static LinkCheckResult Skipped(string url, ExclusionRule rule) =>
        new(url, LinkOutcome.Skipped, null, null, [], false, null, 0, rule.Detail, 0);
}
