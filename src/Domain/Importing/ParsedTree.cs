using System.Text.Json;
using ContainerNetLib.Domain.Data.Configurations;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Importing;

/// <summary>The parsed list flattened in document order, with identity keys, ready to compare with the stored rows.</summary>
internal sealed class ParsedTree
{
    public List<(string Key, string? ParentKey, int Position, SectionNode Node)> Sections { get; } = [];
    public List<(string Key, string SectionKey, int? ParentIndex, EntryRow Row)> Entries { get; } = [];

    public static ParsedTree From(ListDocument document)
    {
        var tree = new ParsedTree();
        var sectionKeys = new IdentityKeys();
        var entryKeys = new IdentityKeys();
        void AddSection(SectionNode node, string? parentKey, int position)
        {
            var key = sectionKeys.Section(parentKey, node.Title);
            tree.Sections.Add((key, parentKey, position, node));
            tree.AddEntries(node.Entries, key, null, null, entryKeys);
            for (var i = 0; i < node.Children.Count; i++) AddSection(node.Children[i], key, i);
        }
        for (var i = 0; i < document.Sections.Count; i++) AddSection(document.Sections[i], null, i);
        return tree;
    }

    private void AddEntries(List<EntryNode> nodes, string sectionKey, int? parentIndex, string? parentKey, IdentityKeys keys)
    {
        var urlLess = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var row = ToRow(nodes[i], i);
            var key = keys.Entry(sectionKey, parentKey, row.NormalizedUrl, row.NormalizedUrl is null ? urlLess++ : 0);
            Entries.Add((key, sectionKey, parentIndex, row));
            AddEntries(nodes[i].Children, sectionKey, Entries.Count - 1, key, keys);
        }
    }

    internal static EntryRow ToRow(EntryNode node, int position)
    {
        var fields = node.Fields;
        return new EntryRow
        {
            Position = position,
            Markdown = node.Markdown,
            Indent = node.Indent,
            Marker = node.Marker,
            LeadingMarkdown = node.LeadingMarkdown,
            Kind = fields.Kind,
            Date = fields.Date,
            Title = fields.Title,
            Url = fields.Url,
            NormalizedUrl = fields.Url is null ? null : UrlNormalizer.Normalize(fields.Url),
            Description = fields.Description,
            AuthorsJson = AuthorsJson(fields.Authors),
            Links = fields.Links.Select((l, i) => new LinkRow(i, l.Url, UrlNormalizer.Normalize(l.Url), l.Text, l.Role)).ToList(),
        };
    }

    internal static string AuthorsJson(IReadOnlyList<Author> authors) => JsonSerializer.Serialize(authors, AuthorJson.Options);
}
