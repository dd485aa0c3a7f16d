using System.Globalization;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Asks a Wayback-style archive for its latest copy of a URL: "{base}{now}/{url}" answers with a
/// redirect to the copy nearest now, and its Location is read without following it.
/// </summary>
public sealed class ArchiveLookup(GuardedFetch fetch, Uri archiveBase, TimeProvider time)
{
    public async Task<string?> WaybackAddressAsync(string url, CancellationToken ct)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var asked = new Uri(archiveBase, $"{stamp}/{url}");
        using var answer = await fetch.GetAsync(asked, timeout.Token, follow: false);
        ct.ThrowIfCancellationRequested();
        // No suggestion is better than a failed run: the archive is a nicety.
        if (answer.Response is not { } response || GuardedFetch.NextHop(asked, response) is not { } archived)
            return null;
        return UrlNormalizer.IsWebAddress(archived) ? archived.AbsoluteUri : null;
    }
}
