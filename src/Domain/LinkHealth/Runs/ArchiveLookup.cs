using System.Globalization;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>
/// Asks a Wayback-style archive for its latest copy of a URL: "{base}{now}/{url}" answers with a
/// redirect to the copy nearest now, and its Location is read without following it.
/// </summary>
public sealed class ArchiveLookup(HttpClient http, Uri archiveBase, TimeProvider time)
{
    public async Task<string?> LatestCopyAsync(string url, CancellationToken ct)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            using var response = await http.GetAsync(new Uri(archiveBase, $"{stamp}/{url}"),
                HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
                return null;
            var copy = location.IsAbsoluteUri ? location
                : new Uri(new Uri(archiveBase.GetLeftPart(UriPartial.Authority)), location);
            return copy.Scheme is "http" or "https" ? copy.AbsoluteUri : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException
            && !ct.IsCancellationRequested)
        {
            // No suggestion is better than a failed run: the archive is a nicety.
            return null;
        }
    }
}
