using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.Editing;

/// <summary>
/// Changing an entry's Markdown the way an import would: the fields and links are read from the new
/// bullet or table row by the same parser, and the content fingerprint is stored with them, so the next import of
/// an exported list sees nothing to do.
/// </summary>
public static class EntryContent
{
    public const string NotOneBullet =
        "The Markdown must be one bullet's text on one line, for example: 2024-01-31: [Title](https://example.com/) " +
            "by [Author](https://example.com/me)";

    public const string NotOneRow = "The Markdown must be one table row on one line, its cells between pipes, for " +
        "example: | [Title](https://example.com/) | what it is |";

    public const string PassageKeptAsWritten = "This entry is a passage of the list's file (a paragraph, quote or " +
        "HTML block), which the editor cannot change yet: change it in the file and import it. Nothing was saved.";

    /// <summary>Sets the entry's Markdown and everything read from it, read as the entry's own shape: a bullet as a
    /// bullet, a table row as a row under its table's header. Returns why not (the entry unchanged), or null when
    /// done: text the list cannot hold (<see cref="TextField.EntryMarkdown"/>), not one bullet or one row, or a
    /// passage, which the editor does not rewrite.</summary>
    public static string? Rewrite(Entry entry, string markdown, DateTimeOffset now)
    {
        if (entry.Shape == EntryShape.Passage) return PassageKeptAsWritten;
        if (TextField.EntryMarkdown.Problem(markdown) is { } problem) return problem;
        var row = entry.Shape == EntryShape.TableRow;
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Contains('\n')) return row ? NotOneRow : NotOneBullet;
        var node = row ? TableRowMarkdown.Read(entry.Cells.Select(c => c.Name).ToList(), markdown)
            : ReadBullet(markdown);
        if (node is null) return row ? NotOneRow : NotOneBullet;
        node.Markdown = markdown;
        node.Indent = entry.Indent;
        node.Marker = entry.Marker;
        node.LeadingMarkdown = entry.LeadingMarkdown;
        Apply(entry, node, now);
        return null;
    }

    /// <summary>Makes a new entry a row of the table that <paramref name="lastRow"/> ends, and returns its row's line:
    /// <paramref name="markdown"/> when it is one ("| … |"), else the bullet's title, address and description put in
    /// that table's columns (a suggestion accepted, a bookmarklet's entry); null when it is neither.</summary>
    public static string? StartRowOf(Entry entry, Entry lastRow, string markdown)
    {
        entry.Shape = EntryShape.TableRow;
        (entry.Indent, entry.Marker) = ("", "");
        entry.Cells = lastRow.Cells;
        if (markdown.TrimStart().StartsWith('|')) return markdown;
        if (ReadBullet(markdown)?.Fields is not { Title: { } title } fields) return null;
        return TableRowMarkdown.NewRow(lastRow, title, fields.Url, fields.Description);
    }

    private static EntryNode? ReadBullet(string markdown) =>
        ReadingListParser.Parse($"# Entry\n\n* {markdown}\n").Document is
            { Sections: [{ Entries: [{ Children.Count: 0 } node] }] } ? node : null;

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
