using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Adds every bullet of a pasted fragment, nested as written, in one transaction: all of them or
/// none.</summary>
public sealed class BulkAdd(EditUnit unit)
{
    /// <summary>The answer names the first entry added, with its version.</summary>
    /// <param name="allowDuplicates">The editor knows some addresses are already in the list and adds them anyway;
    /// otherwise one that another entry holds answers <see cref="EditOutcome.Duplicate"/>.</param>
    public async Task<EditOutcome> AddAsync(int sectionId, BulkFragment fragment, EditorIdentity editor,
        CancellationToken ct = default, bool allowDuplicates = false)
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
            var urls = added.Select(e => e.NormalizedUrl).OfType<string>().ToList();
            if (!allowDuplicates)
            {
                if (urls.GroupBy(u => u, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    return Edit.Refuse($"{twice.Key} is more than once in what you pasted: keep one of them.");
                if (await SameAddress.RefusalAsync(db, urls, except: null, ct) is { } duplicate)
                    return Edit.Refuse(duplicate);
            }
            await db.SaveChangesAsync(ct);
            foreach (var entry in added)
                edit.RecordEntry("added", $"Added “{ContentHistory.Name(entry)}” to {section.Title} (bulk)",
                    entry.Id, sectionId, null, EntrySnapshot.Of(entry, section.Title));
            return Edit.Done(added[0]);
        }, conflict: null, ct);
    }
}
