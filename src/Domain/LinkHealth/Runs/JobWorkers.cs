namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// How many jobs run at once: the portal's job server has this many workers, and the command line's link-run
/// checks as many chunks at once, so a run takes as long either way. Chunks mostly wait on the network, hence
/// more than one per core.
/// </summary>
public static class JobWorkers
{
    public static int Count { get; } = For(Environment.ProcessorCount);

    public static int For(int processors) => Math.Max(4, processors * 2);
}
