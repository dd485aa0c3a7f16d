namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Splits a run's URLs into chunks of at most <c>chunkSize</c>, each one job short enough to finish
/// well inside Hangfire's invisibility timeout. A host's URLs stay together where they fit (a host
/// with more than a chunk's worth fills whole chunks of its own), so chunks running side by side on
/// several machines rarely knock on the same host at once; within one process the per-host limit
/// holds regardless, since every chunk shares the process's politeness gates.
/// </summary>
public static class ChunkPlanner
{
    public static int[] Plan(IReadOnlyList<PlannedUrl> urls, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var chunkOf = new int[urls.Count];
        var byHost = Enumerable.Range(0, urls.Count)
            .GroupBy(i => urls[i].Host, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => urls[g[0]].Host, StringComparer.Ordinal);
        var chunk = -1;
        var filled = chunkSize;
        foreach (var host in byHost)
        {
            // Largest hosts first: a big host starts a fresh chunk, small ones fill the gaps after.
            if (filled + host.Count > chunkSize && (host.Count <= chunkSize || filled > 0))
            {
                chunk++;
                filled = 0;
            }
            foreach (var i in host)
            {
                if (filled == chunkSize)
                {
                    chunk++;
                    filled = 0;
                }
                chunkOf[i] = chunk;
                filled++;
            }
        }
        return chunkOf;
    }
}
