namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>The knobs of a run that are not the checker's own (from configuration section LinkHealth).</summary>
/// <param name="HostFailuresBeforeSkip">Network-level failures in a row after which a host's other URLs are not
/// dialled.</param>
/// <param name="Canaries">Stable URLs the operator trusts: when none answers, the run is inconclusive.</param>
public sealed record RunSettings(
    int FailuresBeforeBroken, int ChunkSize, int HostFailuresBeforeSkip, OutageSettings Outage,
        IReadOnlyList<string> Canaries);
