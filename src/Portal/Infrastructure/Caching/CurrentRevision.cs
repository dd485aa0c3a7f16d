namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>The list's content revision as this instance last heard it; ETags and cached values follow it.</summary>
public sealed class CurrentRevision
{
    private long _revision = -1;

    public long Current => Interlocked.Read(ref _revision);

    /// <summary>Moves forward only: a late notification never takes the revision back.</summary>
    public bool Advance(long revision)
    {
        while (true)
        {
            var current = Current;
            if (revision <= current) return false;
            if (Interlocked.CompareExchange(ref _revision, revision, current) == current) return true;
        }
    }

    public string ETag => ETagOf(Current);

    public static string ETagOf(long revision) => $"W/\"r{revision}\"";
}
