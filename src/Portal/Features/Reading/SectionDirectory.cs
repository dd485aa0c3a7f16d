using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>
/// Every section with its entry count. Needed by most reader pages (table of contents, breadcrumbs,
/// the search filter) and costly to count on a large list (~50 ms at 100,000 entries), but it only
/// changes with the content: kept per content revision, reloaded once when it moves.
/// </summary>
public sealed class SectionDirectory(ReaderDatabase dbFactory, ContentVersion version)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private (long Revision, IReadOnlyList<SectionSummary> Sections) _cached = (-2, []);

    public async Task<IReadOnlyList<SectionSummary>> GetAsync(CancellationToken ct = default)
    {
        var revision = version.Current;
        if (_cached.Revision == revision && revision >= 0) return _cached.Sections;
        await _reload.WaitAsync(ct);
        try
        {
            if (_cached.Revision == revision && revision >= 0) return _cached.Sections;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var counts = await db.Entries.GroupBy(e => e.SectionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var sections = SectionSummary.WithTotals((await db.Sections.AsNoTracking()
                    .OrderBy(s => s.ParentId).ThenBy(s => s.Position)
                    .Select(s => new { s.Id, s.ParentId, s.Position, s.Title, s.Slug })
                    .ToListAsync(ct))
                .Select(s => new SectionSummary(s.Id, s.ParentId, s.Position, s.Title, s.Slug, counts.GetValueOrDefault(s.Id)))
                .ToList());
            _cached = (revision, sections);
            return sections;
        }
        finally
        {
            _reload.Release();
        }
    }
}
