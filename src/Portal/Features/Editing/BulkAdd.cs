using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Adds every bullet of a pasted fragment, nested as written, in one transaction: all of them or
/// none.</summary>
public sealed class BulkAdd(EditUnit unit)
{
    /// <summary>The answer names the first entry added, with its version.</summary>
    public async Task<EditOutcome> AddAsync(int sectionId, BulkFragment fragment, EditorIdentity editor,
        CancellationToken ct = default)
    {
        if (fragment.Error is { } error) return new EditOutcome.Invalid(error);
        return await unit.RunAsync(editor, async edit =>
        {
            var db = edit.Db;
            var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, ct);
            if (section is null) return Edit.Refuse("Choose a section for the entries.");
            var position = await EntryTree.NextPositionAsync(db, sectionId, null, ct);
            var added = new List<Entry>();
            Entry Create(EntryNode node, Entry? parent, int at)
            {
                var entry = new Entry { Markdown = "", SectionId = sectionId, Parent = parent, Position = at,
                    CreatedAt = edit.Now };
                // The fragment's own indentation is replaced by the one this place in the list needs.
                node.Indent = EntryTree.ChildIndent(parent);
                node.LeadingMarkdown = "";
                entry.Indent = node.Indent;
                EntryContent.Apply(entry, node, edit.Now);
                added.Add(entry);
                for (var i = 0; i < node.Children.Count; i++)
                    entry.Children.Add(Create(node.Children[i], entry, i));
                return entry;
            }
            for (var i = 0; i < fragment.Entries.Count; i++)
                db.Entries.Add(Create(fragment.Entries[i], null, position + i));
            await db.SaveChangesAsync(ct);
            foreach (var entry in added)
                edit.RecordEntry("added", $"Added “{ContentHistory.Name(entry)}” to {section.Title} (bulk)",
                    entry.Id, sectionId, null, EntrySnapshot.Of(entry, section.Title));
            return Edit.Done(added[0]);
        }, conflict: null, ct);
    }
}
