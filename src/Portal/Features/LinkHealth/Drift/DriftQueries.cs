using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.SavedCopies.Drift;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.LinkHealth.Drift;

/// <summary>The open "changed beyond recognition" alerts of pages the list still links, each with the live entries
/// that link it.</summary>
public sealed class DriftQueries(RetryingDatabase databases)
{
    public async Task<List<DriftView>> OpenAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var drifts = await db.PageDrifts.AsNoTracking().Where(d => d.ResolvedAt == null)
            .OrderByDescending(d => d.DetectedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var urls = drifts.Select(d => d.NormalizedUrl).ToList();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.NormalizedUrl != null && urls.Contains(e.NormalizedUrl) && e.RetiredAt == null)
            .OrderBy(e => e.Id)
            .Select(e => new DriftEntry(e.Id, e.NormalizedUrl!, e.Title ?? e.Markdown, e.Section.Title, e.Section.Slug))
            .ToListAsync(ct);
        var byUrl = entries.ToLookup(e => e.NormalizedUrl);
        // A page no live entry links any more needs no decision.
        return drifts.Where(d => byUrl.Contains(d.NormalizedUrl))
            .Select(d => new DriftView(d, byUrl[d.NormalizedUrl].ToList())).ToList();
    }
}

public sealed record DriftEntry(long Id, string NormalizedUrl, string Title, string SectionTitle, string SectionSlug);

public sealed record DriftView(PageDrift Drift, IReadOnlyList<DriftEntry> Entries)
{
    /// <summary>Why the page counts as another one, in a sentence an editor can act on.</summary>
    public string Explanation => Drift.Reason switch
    {
        PageDriftReason.Parked => "The page now looks like a parked or for-sale domain: the site's owner has "
            + "probably let the domain go, and the article is no longer there.",
        PageDriftReason.MovedDomain => $"The address now leads to another website ({Host(Drift.OldFinalUrl)} → "
            + $"{Host(Drift.NewFinalUrl)}): the site may have been sold or taken over.",
        _ => $"The page's words are almost all different from the saved copy (only {Drift.Similarity:P0} alike): "
            + "it may be another article now.",
    };

    private static string Host(string url) => UrlNormalizer.Host(url) ?? url;
}
