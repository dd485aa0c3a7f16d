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
        // Retired table rows are read only for their leading text: a table's first row holds its header lines.
        var entries = await db.Entries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.RetiredAt == null || e.Shape == EntryShape.TableRow)
            .Select(e => new { e.Id, e.SectionId, e.ParentId, e.Position, e.Indent, e.Marker, e.Markdown,
                e.LeadingMarkdown, Retired = e.RetiredAt != null })
            .ToListAsync(ct);

        var document = new ListDocument { Preamble = list.Preamble, EndsWithNewline = list.EndsWithNewline,
            Envelope = StoredEnvelope.Of(list) };
        var sectionChildren = sections.ToLookup(s => s.ParentId);
        var entryChildren = entries.ToLookup(e => (e.SectionId, e.ParentId));

        // A retired row's leading text goes to the entry after it (or the text after the section's entries), so
        // retiring a table's first row leaves the table its header.
        (List<EntryNode> Nodes, string Left) Entries(int sectionId, long? parentId)
        {
            var nodes = new List<EntryNode>();
            var carried = "";
            foreach (var e in entryChildren[(sectionId, parentId)].OrderBy(e => e.Position).ThenBy(e => e.Id))
            {
                if (e.Retired)
                {
                    carried += e.LeadingMarkdown;
                    continue;
                }
                var node = new EntryNode { Indent = e.Indent, Marker = e.Marker, Markdown = e.Markdown,
                    LeadingMarkdown = carried + e.LeadingMarkdown };
                carried = "";
                node.Children.AddRange(Entries(sectionId, e.Id).Nodes);
                nodes.Add(node);
            }
            return (nodes, carried);
        }

        List<SectionNode> Sections(int? parentId) => sectionChildren[parentId]
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s =>
            {
                var (entries, left) = Entries(s.Id, null);
                var node = new SectionNode
                {
                    Title = s.Title, Level = s.Level, HeadingMarkdown = s.HeadingMarkdown,
                    IntroMarkdown = s.IntroMarkdown, OutroMarkdown = left + s.OutroMarkdown,
                };
                node.Entries.AddRange(entries);
                node.Children.AddRange(Sections(s.Id));
                return node;
            })
            .ToList();

        document.Sections.AddRange(Sections(null));
        return document;
    }
}
