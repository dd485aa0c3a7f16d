namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>The knobs of a run that are not the checker's own (bound from configuration section LinkHealth).</summary>
public sealed record RunSettings(int FailuresBeforeBroken = 2, int ChunkSize = 300);
