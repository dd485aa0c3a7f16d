using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using ContainerNetLib.Domain.LinkHealth.GitHub;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>
/// Checks many URLs politely: each distinct normalised URL once, at most <see cref="PolitenessOptions.PerHost"/>
/// requests in flight to one host with a minimum gap between them, and at most
/// <see cref="PolitenessOptions.Overall"/> in flight overall. Results stream out as they finish.
/// </summary>
public sealed class PoliteChecker(
    LinkChecker checker, PolitenessOptions politeness, TimeProvider time, GitHubRepoChecker? gitHub = null)
{
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    // One instance serves a whole process (chunks of a run side by side share it), so the limits are per process.
    private readonly SemaphoreSlim _overall = new(politeness.Overall);

    /// <param name="unreachable">The run's hosts that failed at the network level; null dials every URL.</param>
    /// <param name="whole">The URLs whose whole bodies to read and hand on; null for none.</param>
    public async IAsyncEnumerable<LinkCheckResult> CheckAsync(
        IEnumerable<string> urls, [EnumeratorCancellation] CancellationToken ct = default,
            UnreachableHosts? unreachable = null, WholeBodies? whole = null)
    {
        unreachable ??= new UnreachableHosts(failuresBeforeSkip: 0);
        var distinct = urls.GroupBy(UrlNormalizer.Normalize, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var results = Channel.CreateUnbounded<LinkCheckResult>();
        var work = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(distinct.Select(async url =>
                    await results.Writer.WriteAsync(await CheckPolitelyAsync(url, unreachable, whole, ct), ct)));
                results.Writer.Complete();
            }
            catch (Exception e)
            {
                results.Writer.Complete(e);
            }
        }, ct);
        await foreach (var result in results.Reader.ReadAllAsync(ct)) yield return result;
        await work;
    }

    private async Task<LinkCheckResult> CheckPolitelyAsync(string url, UnreachableHosts unreachable,
        WholeBodies? whole, CancellationToken ct)
    {
        // The API answers for the repositories it can speak for before github.com itself is knocked on.
        if (gitHub is not null && await gitHub.CheckAsync(url, ct) is { } answered) return answered;
        var (gate, minDelay) = GateOf(url);
        // The host's slot and turn first, the overall slot last: a URL waiting for its busy host must
        // not hold one of the overall slots that URLs of idle hosts could use.
        using var slot = await gate.TakeSlotAsync(ct);
        // Asked once the host's slot is ours: the URLs ahead of this one have had their say.
        if (unreachable.Instead(url) is { } skipped) return skipped;
        await gate.WaitTurnAsync(minDelay, time, ct);
        await _overall.WaitAsync(ct);
        var holding = true;
        try
        {
            // A URL waiting to try again holds its host's slot (the host is owed the gap) but lends the overall
            // one, taken back within the URL's deadline: a 429 that waits too long in the queue stays a 429.
            var loan = new RetryLoan(() =>
            {
                _overall.Release();
                holding = false;
            }, async deadline =>
            {
                await _overall.WaitAsync(deadline);
                holding = true;
            });
            var result = await checker.CheckAsync(url, ct, loan,
                whole?.Urls.Contains(url) == true ? whole.Cap : null);
            unreachable.Record(result);
            return result;
        }
        finally
        {
            if (holding) _overall.Release();
        }
    }

    /// <summary>
    /// Any other request to a linked page (a saved copy's fetch) under the same limits as the checks: the host's
    /// slot and turn, then an overall slot, shared with the checks running in this process.
    /// </summary>
    public async Task<T> PolitelyAsync<T>(string url, Func<CancellationToken, Task<T>> request, CancellationToken ct)
    {
        var (gate, minDelay) = GateOf(url);
        using var slot = await gate.TakeSlotAsync(ct);
        await gate.WaitTurnAsync(minDelay, time, ct);
        await _overall.WaitAsync(ct);
        try
        {
            return await request(ct);
        }
        finally
        {
            _overall.Release();
        }
    }

    private (HostGate Gate, TimeSpan MinDelay) GateOf(string url)
    {
        // A server is a host and port: two ports on one address are two servers.
        var uri = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        var (gateKey, minDelay) = gitHub?.Gate(uri, politeness) ?? (UnreachableHosts.EndpointOf(url),
            politeness.MinDelayPerHost);
        return (_hosts.GetOrAdd(gateKey, _ => new HostGate(politeness.PerHost)), minDelay);
    }

    /// <summary>One host's (or github.com's) pace: at most perHost requests at once, each starting at least a gap
    /// after the one before.</summary>
    private sealed class HostGate(int perHost)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = perHost,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        public async Task<RateLimitLease> TakeSlotAsync(CancellationToken ct)
        {
            var lease = await _slots.AcquireAsync(1, ct);
            return lease.IsAcquired ? lease : throw new InvalidOperationException("the host's queue is full");
        }

        /// <summary>
        /// Requests to one host start at least minDelay apart. Not a TokenBucketRateLimiter: its replenishment runs
        /// on a timer of its own, not on the injected <see cref="TimeProvider"/> (dotnet/runtime#106447), and it
        /// refuses the zero gap that LinkHealth:Politeness:MinDelayPerHost allows; the GitHub pause (until a reset
        /// time an answer names) is a date to wait for, not a rate, so it stays in <see cref="GitHubRepoChecker"/>.
        /// </summary>
        public Task WaitTurnAsync(TimeSpan minDelay, TimeProvider time, CancellationToken ct)
        {
            DateTimeOffset start;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                start = _next > now ? _next : now;
                _next = start + minDelay;
            }
            var wait = start - time.GetUtcNow();
            return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
        }
    }
}

/// <summary>Which URLs of a batch to read whole (by their URL as given), and up to how many bytes.</summary>
public sealed record WholeBodies(IReadOnlySet<string> Urls, int Cap);
