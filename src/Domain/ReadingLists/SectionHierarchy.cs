using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// The stored sections as a tree, answering "a section and everything below it" at any depth. Reader
/// totals, the search filter, section feeds and section link checks (portal and command line) all ask
/// it, so a sub-sub-section's entries count wherever its ancestor is asked for.
/// </summary>
public sealed class SectionHierarchy
{
    private readonly ILookup<int, int> _children;
    private readonly Dictionary<string, int> _bySlug = new(StringComparer.Ordinal);

    public SectionHierarchy(IEnumerable<(int Id, int? ParentId, string Slug)> sections)
    {
        var all = sections.ToList();
        _children = all.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);
        foreach (var s in all) _bySlug.TryAdd(s.Slug, s.Id);
    }

    /// <summary>Every section's id, parent and slug, read from the database in one query.</summary>
    public static async Task<SectionHierarchy> LoadAsync(IQueryable<Section> sections, CancellationToken ct)
    {
        var rows = await sections.AsNoTracking().Select(s => new { s.Id, s.ParentId, s.Slug }).ToListAsync(ct);
        return new SectionHierarchy(rows.Select(s => (s.Id, s.ParentId, s.Slug)));
    }

    /// <summary>The section and the ids of every section under it, the section first.</summary>
    public IReadOnlyList<int> AndBelow(int id)
    {
        // Each id is taken once: a cycle cannot be saved, but a walk must end if one ever were.
        var found = new List<int> { id };
        var seen = new HashSet<int> { id };
        for (var i = 0; i < found.Count; i++)
            foreach (var child in _children[found[i]])
                if (seen.Add(child)) found.Add(child);
        return found;
    }

    /// <summary>The section with this slug and every section under it; null when no section has the slug.</summary>
    public IReadOnlyList<int>? AndBelow(string slug) => _bySlug.TryGetValue(slug, out var id) ? AndBelow(id) : null;
}
