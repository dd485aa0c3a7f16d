using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Where a run's checks hand the pages they read whole (the saved copies, when they are on), so that a page's body
/// is sent once a night rather than once to the check and again to the copy.
/// </summary>
public interface IPageKeeper
{
    /// <summary>Which of a chunk's URLs to read whole, and up to what size; null for none (copies are off).</summary>
    Task<WholeBodies?> WantedAsync(PortalDbContext db, IReadOnlyCollection<CheckRunUrl> urls, CancellationToken ct);

    /// <summary>Makes what it can of a checked page's whole body; true when nothing is left for the copy job to
    /// fetch.</summary>
    Task<bool> KeepAsync(CheckRunUrl url, LinkCheckResult result, CancellationToken ct);
}
