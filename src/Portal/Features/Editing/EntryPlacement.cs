using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>Moving entries: up and down among their siblings, into another section, under the previous entry and back
/// out.</summary>
public sealed class EntryPlacement(EntryEditing editing)
{
    public Task<EditOutcome> MoveUpAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        ShiftAsync(entryId, -1, editor, ct);

    public Task<EditOutcome> MoveDownAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        ShiftAsync(entryId, +1, editor, ct);

    private Task<EditOutcome> ShiftAsync(long entryId, int by, EditorIdentity editor, CancellationToken ct) =>
        editing.ChangeAsync(entryId, editor, "reordered",
            e => $"Moved “{ContentHistory.Name(e)}” {(by < 0 ? "up" : "down")}", async (db, entry, _) =>
        {
            if (entry.RetiredAt is not null) return "Bring the entry back before moving it.";
            var siblings = await EntryTree.SiblingsAsync(db, entry, ct);
            var at = siblings.FindIndex(e => e.Id == entry.Id);
            var to = at + by;
            if (to < 0 || to >= siblings.Count)
                return by < 0 ? "The entry is already first." : "The entry is already last.";
            (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
            if (TablePlacement.Problem(siblings, entry) is { } inTable) return inTable;
            EntryTree.Renumber(siblings);
            return null;
        }, ct);

    /// <summary>Puts the entry at <paramref name="index"/> among its siblings (drag and drop).</summary>
    public Task<EditOutcome> MoveToIndexAsync(long entryId, int index, EditorIdentity editor,
        CancellationToken ct = default) =>
        editing.ChangeAsync(entryId, editor, "reordered",
            e => $"Moved “{ContentHistory.Name(e)}” to place {index + 1}", async (db, entry, _) =>
        {
            if (entry.RetiredAt is not null) return "Bring the entry back before moving it.";
            var siblings = await EntryTree.SiblingsAsync(db, entry, ct);
            siblings.RemoveAll(e => e.Id == entry.Id);
            siblings.Insert(Math.Clamp(index, 0, siblings.Count), entry);
            if (TablePlacement.Problem(siblings, entry) is { } inTable) return inTable;
            EntryTree.Renumber(siblings);
            return null;
        }, ct);

    /// <summary>Nests the entry under the entry just above it, as that entry's last child.</summary>
    public Task<EditOutcome> IndentAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        editing.ChangeAsync(entryId, editor, "indented",
            e => $"Nested “{ContentHistory.Name(e)}” under the entry above", async (db, entry, _) =>
        {
            if (entry.RetiredAt is not null) return "Bring the entry back before moving it.";
            var siblings = await EntryTree.SiblingsAsync(db, entry, ct);
            var at = siblings.FindIndex(e => e.Id == entry.Id);
            if (at <= 0) return "There is no entry above this one to nest it under.";
            if (TablePlacement.LeavingSiblings(entry) is { } row) return row;
            if (siblings[at - 1].Shape == EntryShape.TableRow) return TablePlacement.NotUnderARow;
            await EntryTree.PlaceAsync(db, entry, entry.SectionId, siblings[at - 1].Id, ct);
            return null;
        }, ct);

    /// <summary>Takes the entry out of its parent: it follows the parent, one level up.</summary>
    public Task<EditOutcome> OutdentAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        editing.ChangeAsync(entryId, editor, "outdented",
            e => $"Took “{ContentHistory.Name(e)}” out of its parent entry", async (db, entry, _) =>
        {
            if (entry.RetiredAt is not null) return "Bring the entry back before moving it.";
            if (entry.ParentId is not { } parentId) return "The entry is not nested.";
            var parent = await db.Entries.IgnoreQueryFilters().SingleAsync(e => e.Id == parentId, ct);
            var grand = await db.Entries.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == parent.ParentId, ct);
            var siblings = await EntryTree.SiblingsAsync(db, parent, ct);
            entry.ParentId = parent.ParentId;
            await EntryTree.ReindentAsync(db, entry, entry.SectionId, EntryTree.ChildIndent(grand), ct);
            siblings.Insert(siblings.FindIndex(e => e.Id == parent.Id) + 1, entry);
            EntryTree.Renumber(siblings);
            return null;
        }, ct);

    /// <summary>Moves the entry, with what is nested under it, to the end of another section.</summary>
    public Task<EditOutcome> MoveToSectionAsync(long entryId, int sectionId, EditorIdentity editor,
        CancellationToken ct = default)
    {
        string? target = null;
        return editing.ChangeAsync(entryId, editor, "moved", e => $"Moved “{ContentHistory.Name(e)}” to {target}",
            async (db, entry, _) =>
        {
            if (entry.RetiredAt is not null) return "Bring the entry back before moving it.";
            target = await db.Sections.Where(s => s.Id == sectionId).Select(s => s.Title).SingleOrDefaultAsync(ct);
            if (target is null) return "That section does not exist any more.";
            if (sectionId == entry.SectionId && entry.ParentId is null) return "The entry is already in that section.";
            if (TablePlacement.LeavingSiblings(entry) is { } row) return row;
            // At the end of a section that ends with a table, it would join the table.
            if (await EntryTree.TableAtEndAsync(db, sectionId, ct) is not null) return TablePlacement.NotAfterARow;
            await EntryTree.PlaceAsync(db, entry, sectionId, null, ct);
            return null;
        }, ct);
    }
}
