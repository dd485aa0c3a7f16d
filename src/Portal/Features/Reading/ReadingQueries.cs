using ContainerNetLib.Domain.LinkHealth;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Features.LinkHealth;
using ContainerNetLib.Portal.Features.SavedCopies;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Reading;

/// <summary>The reader pages' reads: no tracking, a query or two per page.</summary>
public sealed class ReadingQueries(
    RetryingDatabase dbFactory,
    SectionDirectory directory,
    IOptions<LinkHealthOptions> linkHealth,
    TimeProvider time,
    ExclusionRules exclusions,
    SavedCopyQueries copies)
{
    public async Task<List<SectionSummary>> SectionsAsync(CancellationToken ct = default) =>
        [.. await directory.GetAsync(ct)];

    public async Task<SectionLookup> SectionAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var section = await db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null)
        {
            var moved = await db.SectionSlugs.AsNoTracking().Where(f => f.Slug == slug).Select(f =>
                f.Section.Slug).FirstOrDefaultAsync(ct);
            return new SectionLookup(null, moved);
        }

        var sections = await directory.GetAsync(ct);
        var entries = await EntriesQuery(db, e => e.SectionId == section.Id).ToListAsync(ct);
        var byId = sections.ToDictionary(s => s.Id);
        var ancestors = new List<SectionSummary>();
        for (var parent = section.ParentId; parent is { } id && byId.TryGetValue(id,
            out var p); parent = p.ParentId) ancestors.Insert(0, p);

        var badges = await BadgesAsync(db, section.Id, ct);
        return new SectionLookup(new SectionPageModel(
            byId[section.Id],
            section.IntroMarkdown,
            ancestors,
            sections.Where(s => s.ParentId == section.Id).OrderBy(s => s.Position).ToList(),
            BuildTree(entries),
            entries.Count,
            badges,
            await copies.MarksAsync(db, section.Id, badges, ct)), null);
    }

    /// <summary>Broken and moved reading material of a section's entries, from the latest check: a passage with
    /// several links shows "broken" when any is, else "moved" when any is.</summary>
    /// <remarks>Every state is read and <see cref="LinkBadge.For"/> alone decides: no filter in SQL repeats its rule.
    /// PostgreSQL looks each state up by its key either way (a section of 500 entries: about 1 ms, with or without a
    /// filter), and this runs once per section page and content revision (pages are kept).</remarks>
    private async Task<Dictionary<long, LinkBadge>> BadgesAsync(PortalDbContext db, int sectionId, CancellationToken ct)
    {
        var states = await (
            from m in ReadingMaterial.Of(db)
            join e in db.Entries.AsNoTracking() on m.EntryId equals e.Id
            where e.SectionId == sectionId
            join s in db.LinkStates.AsNoTracking() on m.NormalizedUrl equals s.NormalizedUrl
            select new { e.Id, State = s }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var badges = new Dictionary<long, LinkBadge>();
        // An excluded link has no badge from the moment the rule exists, not only after the next run.
        var excluded = await exclusions.LoadAsync(db, ct);
        foreach (var row in states.Where(r => excluded.Match(r.State.NormalizedUrl) is null))
            if (LinkBadge.For(row.State, linkHealth.Value.FailuresBeforeBroken, today) is { } badge &&
                badges.GetValueOrDefault(row.Id)?.Kind != LinkBadgeKind.Broken) badges[row.Id] = badge;
        return badges;
    }

    /// <summary>
    /// The newest entries added after the list's first import (the earliest any entry, retired or not, was
    /// created): everything that import brought in is as new as everything else, so none of it is "recent".
    /// </summary>
    public async Task<List<RecentEntry>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firstImport = await db.Entries.IgnoreQueryFilters().MinAsync(e => (DateTimeOffset?)e.CreatedAt, ct);
        if (firstImport is null) return [];
        return await db.Entries.AsNoTracking()
            .Where(e => e.Url != null && e.CreatedAt > firstImport)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(count)
            .Select(e => new RecentEntry(e.Id, e.Title, e.Url, e.Date, e.Section.Title, e.Section.Slug, e.CreatedAt,
                e.Parent == null ? null : e.Parent.Title ?? e.Parent.Markdown))
            .ToListAsync(ct);
    }

    /// <summary>Every address of every entry readers see (an entry may have several: title's, authors').</summary>
    public async Task<int> LinkCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Entries.SelectMany(e => e.Links).CountAsync(ct);
    }

    /// <summary>The section slug an entry stands in, for its permalink.</summary>
    public async Task<string?> EntrySectionSlugAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Entries.AsNoTracking().Where(e => e.Id == id).Select(e =>
            e.Section.Slug).SingleOrDefaultAsync(ct);
    }

    /// <summary>One entry with its descendants, and the slug of its section.</summary>
    public async Task<(EntryView Entry, string SectionSlug)?> EntryAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Entries.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.SectionId,
            e.Section.Slug }).SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var all = await EntriesQuery(db, e => e.SectionId == head.SectionId).ToListAsync(ct);
        BuildTree(all);
        return (all.Single(e => e.Id == id), head.Slug);
    }

    /// <summary>Every entry by one person: entries naming them as author, and the posts under their person
    /// bullet.</summary>
    public async Task<(string Name, List<(SectionSummary Section, EntryView Entry)> Entries)?> AuthorAsync(string slug,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Database.SqlQuery<long>($"""
            with recursive posts(id) as (
                select id from entries where author_keys @> array[{slug}]
                union
                select child.id from entries child join posts on child.parent_id = posts.id
                join entries parent on parent.id = posts.id where parent.kind = 'Person'
            )
            select id as "Value" from posts
            """).ToListAsync(ct);
        if (ids.Count == 0) return null;
        var entries = await EntriesQuery(db, e => ids.Contains(e.Id)).ToListAsync(ct);
        var sections = (await directory.GetAsync(ct)).ToDictionary(s => s.Id);
        var name = entries.SelectMany(e => e.Authors)
            .FirstOrDefault(a => Domain.Urls.Slug.ForAuthor(a.Name) == slug)?.Name ?? slug;
        return (name, entries
            .OrderByDescending(e => e.Date).ThenBy(e => e.SectionId).ThenBy(e => e.Position)
            .Select(e => (sections[e.SectionId], e)).ToList());
    }

    internal static IQueryable<EntryView> EntriesQuery(PortalDbContext db,
        System.Linq.Expressions.Expression<Func<Entry, bool>> where) =>
        db.Entries.AsNoTracking().Where(where).Select(e => new EntryView(e.Id, e.SectionId, e.ParentId, e.Position,
            e.Kind, e.Date, e.Title, e.Url, e.Markdown, e.Authors, e.Description, e.CreatedAt)
        {
            Shape = e.Shape,
            Cells = e.Cells,
            OpensTable = e.Shape == EntryShape.TableRow && e.LeadingMarkdown != "",
        });

    internal static List<EntryView> BuildTree(List<EntryView> entries)
    {
        var byId = entries.ToDictionary(e => e.Id);
        var roots = new List<EntryView>();
        foreach (var entry in entries.OrderBy(e => e.Position).ThenBy(e => e.Id))
        {
            if (entry.ParentId is { } parent && byId.TryGetValue(parent, out var p)) p.Children.Add(entry);
            else roots.Add(entry);
        }
        return roots;
    }
}
