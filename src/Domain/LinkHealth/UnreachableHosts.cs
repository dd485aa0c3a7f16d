using System.Collections.Concurrent;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Within one run, the hosts the checker failed to reach at the network level several times in a row.
/// Their remaining URLs take the last failure's outcome without being dialled: on a night without
/// network, a host with fifty links costs two attempts, not fifty, and the report groups them.
/// </summary>
public sealed class UnreachableHosts(int failuresBeforeSkip)
{
    private readonly ConcurrentDictionary<string, Streak> _streaks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The key a host is tracked by: host and port, as the politeness gates count servers.</summary>
    public static string EndpointOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.IdnHost}:{uri.Port}" : "";

    /// <summary>The result to record instead of dialling, or null to dial.</summary>
    public LinkCheckResult? Instead(string url)
    {
        if (failuresBeforeSkip < 1 || !_streaks.TryGetValue(EndpointOf(url), out var streak)) return null;
        lock (streak)
        {
            if (streak.Count < failuresBeforeSkip || streak.Last is not { } last) return null;
            return new LinkCheckResult(url, last.Outcome, null, null, [], false, null, 0,
                $"not dialled: {streak.Count} attempts in a row could not reach this host ({last.Error})", 0,
                    HostSkipped: true);
        }
    }

    /// <summary>Counts a result of a dialled URL towards (or breaks) its host's streak.</summary>
    public void Record(LinkCheckResult result)
    {
        if (result.HostSkipped) return;
        var streak = _streaks.GetOrAdd(EndpointOf(result.Url), _ => new Streak());
        lock (streak)
        {
            if (result.Outcome.IsNetworkLevel())
            {
                streak.Count++;
                streak.Last = result;
            }
            else if (!result.Outcome.IsUndialled())
            {
                streak.Count = 0;
                streak.Last = null;
            }
        }
    }

    private sealed class Streak
    {
        public int Count;
        public LinkCheckResult? Last;
    }
}
