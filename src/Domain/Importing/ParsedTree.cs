using System.Text.Json;
using ContainerNetLib.Domain.Data.Configurations;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Importing;

/// <summary>The parsed list flattened in document order, with identity keys, ready to compare with the stored
/// rows.</summary>
internal sealed class ParsedTree
{
    public List<(string Key, string? ParentKey, int Position, SectionNode Node)> Sections { get; } = [];
    public List<(EntryKey Key, string SectionKey, int? ParentIndex, EntryRow Row)> Entries { get; } = [];

    public static ParsedTree From(ListDocument document)
    {
        var tree = new ParsedTree();
        var sectionKeys = new IdentityKeys();
        var places = new List<(EntryNode Node, int Position, string SectionKey, int? ParentIndex)>();
        void AddEntries(List<EntryNode> nodes, string sectionKey, int? parentIndex)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                places.Add((nodes[i], i, sectionKey, parentIndex));
                AddEntries(nodes[i].Children, sectionKey, places.Count - 1);
            }
        }
        void AddSection(SectionNode node, string? parentKey, int position)
        {
            var key = sectionKeys.Section(parentKey, node.Title);
            tree.Sections.Add((key, parentKey, position, node));
            AddEntries(node.Entries, key, null);
            for (var i = 0; i < node.Children.Count; i++) AddSection(node.Children[i], key, i);
        }
        for (var i = 0; i < document.Sections.Count; i++) AddSection(document.Sections[i], null, i);

        // URL normalisation, author JSON and fingerprints are the costly part, and independent per entry.
        var rows = new EntryRow[places.Count];
        Parallel.For(0, places.Count, i => rows[i] = ToRow(places[i].Node, places[i].Position));

        var entryKeys = new IdentityKeys();
        var keys = new EntryKey[places.Count];
        var urlLess = new Dictionary<(string, int?), int>();
        for (var i = 0; i < places.Count; i++)
        {
            var (_, _, sectionKey, parentIndex) = places[i];
            var index = 0;
            if (rows[i].NormalizedUrl is null)
            {
                index = urlLess.GetValueOrDefault((sectionKey, parentIndex));
                urlLess[(sectionKey, parentIndex)] = index + 1;
            }
            keys[i] = entryKeys.Entry(sectionKey, parentIndex is { } p ? keys[p] : null, rows[i].NormalizedUrl, index);
            tree.Entries.Add((keys[i], sectionKey, parentIndex, rows[i]));
        }
        return tree;
    }

    internal static EntryRow ToRow(EntryNode node, int position)
    {
        var fields = node.Fields;
        var row = new EntryRow
        {
            Position = position,
            Markdown = node.Markdown,
            Indent = node.Indent,
            Marker = node.Marker,
            LeadingMarkdown = node.LeadingMarkdown,
            Shape = node.Shape,
            Cells = fields.Cells,
            Kind = fields.Kind,
            Date = fields.Date,
            Title = fields.Title,
            Url = fields.Url,
            NormalizedUrl = fields.Url is null ? null : UrlNormalizer.Normalize(fields.Url),
            Description = fields.Description,
            AuthorsJson = AuthorsJson(fields.Authors),
            AuthorKeys = fields.Authors.Select(a => Slug.ForAuthor(a.Name)).Distinct().ToArray(),
            Links = fields.Links.Select((l, i) => new LinkRow(i, l.Url, UrlNormalizer.Normalize(l.Url), l.Text,
                l.Role)).ToList(),
        };
        row.ContentHash = ContentHash.Of(row);
        return row;
    }

    internal static string CellsJson(IReadOnlyList<EntryCell> cells) =>
        cells.Count == 0 ? "[]" : JsonSerializer.Serialize(cells, AuthorJson.Options);

    internal static string AuthorsJson(IReadOnlyList<Author> authors) =>
        JsonSerializer.Serialize(authors, AuthorJson.Options);
}
