using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// Changing an entry's Markdown the way an import would: the fields and links are read from the new
/// bullet by the same parser, and the content fingerprint is stored with them, so the next import of
/// an exported list sees nothing to do.
/// </summary>
public static class EntryContent
{
    /// <summary>Sets the entry's Markdown and everything read from it; false when it is not one bullet, or not text
    /// an entry may hold (<see cref="TextField.EntryMarkdown"/>, whose sentence says why), or the entry is no bullet
    /// (a table row or a passage, whose text read as a bullet would lose its cells and its shape).</summary>
    public static bool TryApply(Entry entry, string markdown, DateTimeOffset now)
    {
        if (entry.Shape != EntryShape.Bullet) return false;
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Contains('\n')) return false;
        if (TextField.EntryMarkdown.Problem(markdown) is not null) return false;
        var document = ReadingListParser.Parse($"# Entry\n\n* {markdown}\n").Document;
        if (document.Sections is not [{ Entries: [var node] }] || node.Children.Count > 0) return false;
        node.Markdown = markdown;
        node.Indent = entry.Indent;
        node.Marker = entry.Marker;
        node.LeadingMarkdown = entry.LeadingMarkdown;
        Apply(entry, node, now);
        return true;
    }

    /// <summary>Sets the entry's content from a bullet the parser read (bulk add keeps each bullet's own
    /// marker).</summary>
    public static void Apply(Entry entry, EntryNode node, DateTimeOffset now)
    {
        var row = ParsedTree.ToRow(node, entry.Position);

        entry.Markdown = row.Markdown;
        entry.Marker = row.Marker;
        entry.LeadingMarkdown = row.LeadingMarkdown;
        entry.Shape = row.Shape;
        entry.Cells = row.Shape == EntryShape.TableRow ? node.Fields.Cells.ToList() : [];
        entry.Kind = row.Kind;
        entry.Date = row.Date;
        entry.Title = row.Title;
        entry.Url = row.Url;
        entry.NormalizedUrl = row.NormalizedUrl;
        entry.Description = row.Description;
        entry.Authors = node.Fields.Authors.ToList();
        entry.AuthorKeys = row.AuthorKeys.ToList();
        entry.ContentHash = row.ContentHash;
        entry.UpdatedAt = now;
        entry.Links.Clear();
        entry.Links.AddRange(row.Links.Select(l => new Link
        {
            Position = l.Position, Url = l.Url, NormalizedUrl = l.NormalizedUrl, Text = l.Text, Role = l.Role,
        }));
    }

    /// <summary>The bullet with one link's destination replaced (every place it appears as a destination).</summary>
    public static string ReplaceUrl(string markdown, string oldUrl, string newUrl) =>
        markdown.Replace($"]({oldUrl})", $"]({newUrl})", StringComparison.Ordinal)
                .Replace($"](<{oldUrl}>)", $"](<{newUrl}>)", StringComparison.Ordinal);

    /// <summary>The bullet with the title link's text replaced by <paramref name="title"/>, or null when there is no
    /// title link.</summary>
    public static string? ReplaceTitle(Entry entry, string title)
    {
        if (entry.Title is null || entry.Url is null) return null;
        var composed = EntryMarkdown.Link(title, entry.Url);
        foreach (var written in new[] { $"[{entry.Title}]({entry.Url})", EntryMarkdown.Link(entry.Title, entry.Url) })
        {
            var at = entry.Markdown.IndexOf(written, StringComparison.Ordinal);
            if (at >= 0) return string.Concat(entry.Markdown.AsSpan(0, at), composed,
                entry.Markdown.AsSpan(at + written.Length));
        }
        return null;
    }
}
