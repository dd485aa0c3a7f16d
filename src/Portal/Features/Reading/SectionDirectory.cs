using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// Every section with its entry count. Needed by most reader pages (table of contents, breadcrumbs,
/// the search filter) and costly to count on a large list (docs/benchmarks.md, reader pages), but it only
/// changes with the content: kept per content revision, reloaded once when it moves.
/// </summary>
public sealed class SectionDirectory(RetryingDatabase dbFactory, CurrentRevision contentRevision)
{
    private readonly RevisionCache<(IReadOnlyList<SectionSummary> Sections, SectionHierarchy Hierarchy)> _cache =
        new(contentRevision);

    public async Task<IReadOnlyList<SectionSummary>> GetAsync(CancellationToken ct = default) =>
        (await _cache.GetAsync(LoadAsync, ct)).Sections;

    /// <summary>The section with this slug and the ids of every section under it; null when there is none.</summary>
    public async Task<(SectionSummary Section, IReadOnlyList<int> Ids)?> AndBelowAsync(
        string slug, CancellationToken ct = default)
    {
        var (sections, hierarchy) = await _cache.GetAsync(LoadAsync, ct);
        return hierarchy.AndBelow(slug) is { } ids ? (sections.First(s => s.Id == ids[0]), ids) : null;
    }

    private async Task<(IReadOnlyList<SectionSummary>, SectionHierarchy)> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Entries.GroupBy(e => e.SectionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sections = SectionSummary.WithTotals((await db.Sections.AsNoTracking()
                .OrderBy(s => s.ParentId).ThenBy(s => s.Position)
                .Select(s => new { s.Id, s.ParentId, s.Position, s.Title, s.Slug })
                .ToListAsync(ct))
            .Select(s => new SectionSummary(s.Id, s.ParentId, s.Position, s.Title, s.Slug,
                counts.GetValueOrDefault(s.Id)))
            .ToList());
        return (sections, new SectionHierarchy(sections.Select(s => (s.Id, s.ParentId, s.Slug))));
    }
}
