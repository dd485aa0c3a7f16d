namespace ContainerNetLib.Domain.Tests.LinkHealth;

/// <summary>
/// Tests that assert on allocated bytes read a process-wide counter: they run on their own, so
/// other tests' allocations cannot be counted against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "allocation-measured";
}
