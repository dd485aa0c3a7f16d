using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Where entries stand in a section's tree: positions among siblings, nesting and the indentation the Markdown
/// needs.</summary>
internal static class EntryTree
{
    /// <summary>A nested bullet starts where its parent's text starts, so the exported Markdown nests it the same
    /// way.</summary>
    public static string ChildIndent(Entry? parent) =>
        parent is null ? "" : parent.Indent + new string(' ', parent.Marker.Length);

    public static async Task<int> NextPositionAsync(PortalDbContext db, int sectionId, long? parentId,
        CancellationToken ct) =>
        (await db.Entries.IgnoreQueryFilters().Where(e => e.SectionId == sectionId && e.ParentId == parentId)
            .MaxAsync(e => (int?)e.Position, ct) ?? -1) + 1;

    /// <summary>The section's last live top-level entry when it is a table row: a new entry at the section's end
    /// joins that table as a row.</summary>
    public static Task<Entry?> TableAtEndAsync(PortalDbContext db, int sectionId, CancellationToken ct) =>
        db.Entries.AsNoTracking().Where(e => e.SectionId == sectionId && e.ParentId == null)
            .OrderByDescending(e => e.Position).ThenByDescending(e => e.Id).Take(1)
            .Where(e => e.Shape == Domain.ReadingLists.EntryShape.TableRow).SingleOrDefaultAsync(ct);

    /// <summary>The entry and everything nested under it, tracked.</summary>
    public static async Task<List<Entry>> SubtreeAsync(PortalDbContext db, Entry root, bool includeRetired,
        CancellationToken ct)
    {
        var all = includeRetired ? db.Entries.IgnoreQueryFilters() : db.Entries;
        var ids = await db.Database.SqlQuery<long>($"""
            with recursive tree(id) as (select {root.Id}::bigint union all select e.id from entries e join tree on
                e.parent_id = tree.id)
            select id as "Value" from tree
            """).ToListAsync(ct);
        return await all.Where(e => ids.Contains(e.Id)).ToListAsync(ct);
    }

    /// <summary>Moves the entry (and what is nested under it) to the end of a parent's children, re-indenting the
    /// subtree.</summary>
    public static async Task PlaceAsync(PortalDbContext db, Entry entry, int sectionId, long? parentId,
        CancellationToken ct)
    {
        var parent = parentId is { } id ? await db.Entries.IgnoreQueryFilters().SingleAsync(e => e.Id == id, ct) : null;
        entry.Position = await NextPositionAsync(db, sectionId, parentId, ct);
        entry.ParentId = parentId;
        await ReindentAsync(db, entry, sectionId, ChildIndent(parent), ct);
    }

    /// <summary>Sets the entry's section and indentation, and its descendants' to match.</summary>
    public static async Task ReindentAsync(PortalDbContext db, Entry entry, int sectionId, string indent,
        CancellationToken ct)
    {
        var subtree = await SubtreeAsync(db, entry, includeRetired: true, ct);
        var children = subtree.ToLookup(e => e.ParentId);
        void Walk(Entry node, string nodeIndent)
        {
            node.SectionId = sectionId;
            node.Indent = nodeIndent;
            foreach (var child in children[node.Id]) Walk(child, ChildIndent(node));
        }
        Walk(entry, indent);
    }

    /// <summary>The live siblings of an entry in order (itself included).</summary>
    public static Task<List<Entry>> SiblingsAsync(PortalDbContext db, Entry entry, CancellationToken ct) =>
        db.Entries.Where(e => e.SectionId == entry.SectionId && e.ParentId == entry.ParentId)
            .OrderBy(e => e.Position).ThenBy(e => e.Id).ToListAsync(ct);

    /// <summary>Numbers siblings 0, 1, 2... in the given order.</summary>
    public static void Renumber(IReadOnlyList<Entry> siblings)
    {
        for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i;
    }
}
