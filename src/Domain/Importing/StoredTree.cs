using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Importing;

/// <summary>The stored entries with the same identity keys as <see cref="ParsedTree"/> gives a file.</summary>
internal static class StoredTree
{
    public static async Task<Dictionary<string, EntryRow>> LoadEntriesAsync(
        PortalDbContext db, IReadOnlyDictionary<int, string> sectionKeys, CancellationToken ct)
    {
        var links = (await db.Links.AsNoTracking()
                .Select(l => new { l.EntryId, Row = new LinkRow(l.Position, l.Url, l.NormalizedUrl, l.Text, l.Role) })
                .ToListAsync(ct))
            .GroupBy(l => l.EntryId)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Row).OrderBy(l => l.Position).ToList());

        var rows = (await db.Entries.AsNoTracking().ToListAsync(ct))
            .Select(e => ToRow(e, links.GetValueOrDefault(e.Id) ?? []))
            .ToList();

        var children = rows.ToLookup(r => (r.SectionId, r.ParentId));
        var keys = new IdentityKeys();
        var result = new Dictionary<string, EntryRow>(rows.Count, StringComparer.Ordinal);
        void Walk(int sectionId, string sectionKey, long? parentId, string? parentKey)
        {
            var urlLess = 0;
            foreach (var row in children[(sectionId, parentId)].OrderBy(r => r.Position).ThenBy(r => r.Id))
            {
                var key = keys.Entry(sectionKey, parentKey, row.NormalizedUrl, row.NormalizedUrl is null ? urlLess++ : 0);
                result[key] = row;
                Walk(sectionId, sectionKey, row.Id, key);
            }
        }
        foreach (var (sectionId, sectionKey) in sectionKeys) Walk(sectionId, sectionKey, null, null);
        return result;
    }

    /// <summary>Section keys in the order <see cref="ParsedTree"/> would make them.</summary>
    public static Dictionary<int, string> SectionKeys(IReadOnlyList<Section> sections)
    {
        var children = sections.ToLookup(s => s.ParentId);
        var keys = new IdentityKeys();
        var result = new Dictionary<int, string>();
        void Walk(int? parentId, string? parentKey)
        {
            foreach (var section in children[parentId].OrderBy(s => s.Position).ThenBy(s => s.Id))
            {
                var key = keys.Section(parentKey, section.Title);
                result[section.Id] = key;
                Walk(section.Id, key);
            }
        }
        Walk(null, null);
        return result;
    }

    private static EntryRow ToRow(Entry e, List<LinkRow> links) => new()
    {
        Id = e.Id,
        SectionId = e.SectionId,
        ParentId = e.ParentId,
        Position = e.Position,
        Markdown = e.Markdown,
        Indent = e.Indent,
        Marker = e.Marker,
        LeadingMarkdown = e.LeadingMarkdown,
        Kind = e.Kind,
        Date = e.Date,
        Title = e.Title,
        Url = e.Url,
        NormalizedUrl = e.NormalizedUrl,
        Description = e.Description,
        AuthorsJson = ParsedTree.AuthorsJson(e.Authors),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Links = links,
    };
}
