using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Importing;

/// <summary>Reads the stored list back into a document tree, for <see cref="ReadingListWriter"/>.</summary>
public static class ListExporter
{
    public static async Task<string> ExportMarkdownAsync(PortalDbContext db, CancellationToken ct = default) =>
        ReadingListWriter.Write(await LoadDocumentAsync(db, ct));

    public static async Task<ListDocument> LoadDocumentAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var list = await db.ReadingLists.AsNoTracking().SingleOrDefaultAsync(ct) ?? new ReadingList();
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        var entries = await db.Entries.AsNoTracking()
            .Select(e => new { e.Id, e.SectionId, e.ParentId, e.Position, e.Indent, e.Marker, e.Markdown,
                e.LeadingMarkdown })
            .ToListAsync(ct);

        var document = new ListDocument { Preamble = list.Preamble, EndsWithNewline = list.EndsWithNewline,
            Envelope = StoredEnvelope.Of(list) };
        var sectionChildren = sections.ToLookup(s => s.ParentId);
        var entryChildren = entries.ToLookup(e => (e.SectionId, e.ParentId));

        List<EntryNode> Entries(int sectionId, long? parentId) => entryChildren[(sectionId, parentId)]
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e =>
            {
                var node = new EntryNode { Indent = e.Indent, Marker = e.Marker, Markdown = e.Markdown,
                    LeadingMarkdown = e.LeadingMarkdown };
                node.Children.AddRange(Entries(sectionId, e.Id));
                return node;
            })
            .ToList();

        List<SectionNode> Sections(int? parentId) => sectionChildren[parentId]
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s =>
            {
                var node = new SectionNode
                {
                    Title = s.Title, Level = s.Level, HeadingMarkdown = s.HeadingMarkdown,
                    IntroMarkdown = s.IntroMarkdown, OutroMarkdown = s.OutroMarkdown,
                };
                node.Entries.AddRange(Entries(s.Id, null));
                node.Children.AddRange(Sections(s.Id));
                return node;
            })
            .ToList();

        document.Sections.AddRange(Sections(null));
        return document;
    }
}
