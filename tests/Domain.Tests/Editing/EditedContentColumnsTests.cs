using System.Collections;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Tests.Editing;

/// <summary>An editor's save (EntryContent) and an import (EntryWrites) set an entry's content from the same
/// parsed row: these hold the editor's side to the columns the import writes.</summary>
public class EditedContentColumnsTests
{
    /// <summary>Where the entry stands, how the file lays its bullet out, and when: set by the editing path's own
    /// rules (an edit keeps the entry's indent and marker), not read from the bullet's text.</summary>
    private static readonly string[] NotFromTheText = ["id", "section_id", "parent_id", "position", "indent", "marker",
        "leading_markdown", "created_at", "updated_at"];

    [Fact]
    public void An_edit_sets_every_column_an_import_writes_from_the_bullet_to_the_same_value()
    {
        // Otherwise: a field added to the import (and the fingerprint) is left stale by every editor's save, and
        // the next import of the exported list rewrites entries nobody touched.
        const string markdown = "2019-03-01: [Deep dive into veth](https://old.example/veth) by " +
            "[Ann Author](https://ann.example/) and Bob: how pairs of interfaces join namespaces";
        var node = ReadingListParser.Parse($"# Entry\n\n* {markdown}\n").Document.Sections[0].Entries[0];
        var row = ParsedTree.ToRow(node, 0);
        var entry = new Entry { Markdown = "" };
        Assert.Null(EntryContent.Rewrite(entry, markdown, DateTimeOffset.UnixEpoch));

        using var db = PortalDatabase.Create("Host=127.0.0.1;Database=model-only");
        var model = db.Model.FindEntityType(typeof(Entry))!.GetProperties().ToDictionary(p => p.GetColumnName());
        var content = EntryWrites.Written.Select(w => w.Column).Except(NotFromTheText).ToList();
        Assert.NotEmpty(content);
        foreach (var column in content)
        {
            var property = model[column];
            var edited = property.PropertyInfo!.GetValue(entry);
            var imported = column == "authors"
                ? row.AuthorsJson
                : typeof(EntryRow).GetProperty(property.Name)!.GetValue(row);
            if (column == "authors") edited = ParsedTree.AuthorsJson((List<Author>)edited!);
            Assert.True(Same(imported, edited), $"{column}: the import writes '{imported}', an edit '{edited}'");
        }
        Assert.Equal(row.Links.Select(l => (l.Url, l.NormalizedUrl, l.Text, l.Role, l.Position)),
            entry.Links.Select(l => (l.Url, l.NormalizedUrl, l.Text, l.Role, l.Position)));
    }

    private static bool Same(object? a, object? b) =>
        a is IEnumerable left and not string && b is IEnumerable right and not string
            ? left.Cast<object>().SequenceEqual(right.Cast<object>())
            : Equals(a, b);
}
