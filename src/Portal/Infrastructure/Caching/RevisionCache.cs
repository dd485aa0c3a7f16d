namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// A value computed from the list's content, kept for the content revision it was computed at and
/// computed again once when the revision moves: one caller loads while the others wait for its
/// result, so a new revision costs one load, not one per request. Until this instance has heard a
/// revision (it starts at -1), every caller loads.
/// </summary>
public sealed class RevisionCache<T>(CurrentRevision contentRevision)
{
    private sealed record Kept(long Revision, T Value);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Kept? _kept;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var revision = contentRevision.Current;
        if (Current(revision) is { } kept) return kept.Value;
        await _loading.WaitAsync(ct);
        try
        {
            if (Current(revision) is { } loaded) return loaded.Value;
            var value = await load(ct);
            _kept = new Kept(revision, value);
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }

    private Kept? Current(long revision) =>
        revision >= 0 && _kept is { } kept && kept.Revision == revision ? kept : null;
}
