using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// Adding, editing, retiring and restoring entries, each one <see cref="EditUnit"/>: the change, its history row
/// and the content revision bump in one transaction, so readers' cached pages go at once.
/// </summary>
public sealed class EntryEditing(IDbContextFactory<PortalDbContext> databases, EditUnit unit)
{
    /// <summary>Entries (live or retired) whose URL is the same once normalised: the warning an editor sees before
    /// adding (the add itself checks again, <see cref="SameAddress"/>).</summary>
    public async Task<List<EntryLocation>> FindByUrlAsync(string url, long? except = null,
        CancellationToken ct = default)
    {
        if (TextField.WebAddress.Problem(url) is not null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out _))
            return [];
        var normalized = UrlNormalizer.Normalize(url.Trim());
        await using var db = await databases.CreateDbContextAsync(ct);
        return await SameAddress.Holders(db, [normalized], except).ToListAsync(ct);
    }

    /// <param name="allowDuplicate">The editor knows the address is already in the list and adds it anyway;
    /// otherwise an address another entry holds answers <see cref="EditOutcome.Duplicate"/>.</param>
    /// <param name="place">Where among its siblings (0 = first); null puts it last.</param>
    public Task<EditOutcome> AddAsync(int sectionId, long? parentId, string markdown, EditorIdentity editor,
        CancellationToken ct = default, bool allowDuplicate = false, int? place = null) =>
        unit.RunAsync(editor, Add(sectionId, parentId, markdown, ct, allowDuplicate, place: place), conflict: null,
            ct);

    /// <summary>Adding as a step, for a change that is part of a larger one (a suggestion accepted).</summary>
    /// <param name="credit">Said after the history's "Added … to …" (", suggested by …").</param>
    /// <param name="added">Told the new entry once it is written, before the edit commits.</param>
    public static Func<Edit, Task<EditStep>> Add(int sectionId, long? parentId, string markdown,
        CancellationToken ct, bool allowDuplicate = false, string? credit = null, Func<Entry, Task>? added = null,
        int? place = null) =>
        async edit =>
        {
            var db = edit.Db;
            var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, ct);
            if (section is null) return Edit.Refuse("Choose a section for the entry.");
            Entry? parent = null;
            if (parentId is { } pid)
            {
                parent = await db.Entries.SingleOrDefaultAsync(e => e.Id == pid && e.SectionId == sectionId, ct);
                if (parent is null) return Edit.Refuse("The parent entry is not in that section any more.");
            }

            var entry = new Entry
            {
                Markdown = "", SectionId = sectionId, ParentId = parentId, Indent = EntryTree.ChildIndent(parent),
                Position = await EntryTree.NextPositionAsync(db, sectionId, parentId, ct), CreatedAt = edit.Now,
            };
            var text = markdown.Trim();
            if (parent is null && await EntryTree.TableAtEndAsync(db, sectionId, ct) is { } lastRow)
                text = EntryContent.StartRowOf(entry, lastRow, text) ?? "";
            if (Apply(entry, text, edit.Now) is { } problem) return Edit.Refuse(problem);
            if (!allowDuplicate && entry.NormalizedUrl is { } url
                && await SameAddress.RefusalAsync(db, [url], except: null, ct) is { } duplicate)
                return Edit.Refuse(duplicate);
            if (place is { } index)
            {
                // Before the sibling now at that place: the ones after it move down one.
                var siblings = await EntryTree.SiblingsAsync(db, entry, ct);
                siblings.Insert(Math.Clamp(index, 0, siblings.Count), entry);
                if (TablePlacement.Problem(siblings, entry) is { } inTable) return Edit.Refuse(inTable);
                EntryTree.Renumber(siblings);
            }
            db.Entries.Add(entry);
            await db.SaveChangesAsync(ct);
            edit.RecordEntry("added", $"Added “{ContentHistory.Name(entry)}” to {section.Title}{credit}", entry.Id,
                sectionId, null, EntrySnapshot.Of(entry, section.Title));
            if (added is not null) await added(entry);
            return Edit.Done(entry);
        };

    /// <summary>
    /// Saves new Markdown over the version the editor started from; if someone saved in between, nothing
    /// is written and the editor gets their text to merge with. A new address another entry holds is refused
    /// unless <paramref name="allowDuplicate"/>.
    /// </summary>
    public Task<EditOutcome> UpdateAsync(long entryId, uint expectedVersion, string markdown,
        EditorIdentity editor, CancellationToken ct = default, bool allowDuplicate = false) =>
        ChangeAsync(entryId, editor, "edited", e => $"Edited “{ContentHistory.Name(e)}”", (_, entry, now) =>
            Task.FromResult(Apply(entry, markdown.Trim(), now)),
            ct, expectedVersion, allowDuplicate);

    /// <summary>Hides the entry and everything nested under it from readers; <see cref="UnretireAsync"/> undoes
    /// it.</summary>
    public Task<EditOutcome> RetireAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        ChangeAsync(entryId, editor, "retired", Retired, Retiring(ct), ct);

    public Task<EditOutcome> UnretireAsync(long entryId, EditorIdentity editor, CancellationToken ct = default) =>
        ChangeAsync(entryId, editor, "unretired", e => $"Brought back “{ContentHistory.Name(e)}”",
            async (db, entry, now) =>
        {
            if (entry.RetiredAt is not { } retiredAt) return "The entry is not retired.";
            // Its children retired with it come back with it; ones retired on their own stay retired.
            foreach (var e in await EntryTree.SubtreeAsync(db, entry, includeRetired: true, ct))
                if (e.RetiredAt == retiredAt) e.RetiredAt = null;
            if (entry.ParentId is { } parentId && !await db.Entries.AnyAsync(e => e.Id == parentId, ct))
                await EntryTree.PlaceAsync(db, entry, entry.SectionId, null, ct);
            return null;
        }, ct);

    /// <summary>Puts an entry back as it was before a change in its history: text, place and whether it was
    /// retired.</summary>
    public async Task<EditOutcome> RestoreAsync(long changeId, EditorIdentity editor, CancellationToken ct = default)
    {
        await using var lookup = await databases.CreateDbContextAsync(ct);
        var change = await lookup.ContentChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId, ct);
        if (change is not { Subject: ChangeSubject.Entry, EntryId: { } entryId }) return new EditOutcome.NotFound();
        var target = SnapshotJson.Read<EntrySnapshot>(change.Before);
        if (target is null) return new EditOutcome.Invalid("This change added the entry: there is no earlier " +
            "version. Retire it instead.");

        return await ChangeAsync(entryId, editor, "restored",
            e => $"Restored “{ContentHistory.Name(e)}” to its version of {change.At:yyyy-MM-dd HH:mm}",
            async (db, entry, now) =>
        {
            if (Apply(entry, target.Markdown, now) is { } problem) return problem;
            if (target.SectionId != entry.SectionId || target.ParentId != entry.ParentId)
            {
                var parentLives = target.ParentId is { } p
                    && await db.Entries.AnyAsync(e => e.Id == p && e.SectionId == target.SectionId, ct);
                if (await db.Sections.AnyAsync(s => s.Id == target.SectionId, ct))
                    await EntryTree.PlaceAsync(db, entry, target.SectionId, parentLives ? target.ParentId : null, ct);
            }
            var subtree = await EntryTree.SubtreeAsync(db, entry, includeRetired: true, ct);
            if (target.Retired && entry.RetiredAt is null) foreach (var e in subtree.Where(e =>
                e.RetiredAt is null)) e.RetiredAt = now;
            if (!target.Retired && entry.RetiredAt is { } at) foreach (var e in subtree.Where(e =>
                e.RetiredAt == at)) e.RetiredAt = null;
            return null;
        }, ct);
    }

    /// <summary>Sets the entry's Markdown, or says why not (<see cref="EntryContent.Rewrite"/>).</summary>
    private static string? Apply(Entry entry, string markdown, DateTimeOffset now) =>
        EntryContent.Rewrite(entry, markdown, now);

    /// <summary>A change to an existing entry (<see cref="EditUnit.ChangeAsync"/>): the change returns an error
    /// message, or null when done.</summary>
    internal Task<EditOutcome> ChangeAsync(long entryId, EditorIdentity editor, string action,
        Func<Entry, string> summary, Func<PortalDbContext, Entry, DateTimeOffset, Task<string?>> change,
        CancellationToken ct, uint? expectedVersion = null, bool allowDuplicate = false) =>
        unit.ChangeAsync(editor, new EntrySubject(entryId, action, summary, allowDuplicate), change, ct,
            expectedVersion);

    /// <summary>Retiring as one step of a larger change (settling a changed-page alert).</summary>
    internal static Func<Edit, Task<EditStep>> Retire(long entryId, CancellationToken ct) =>
        EditUnit.Change(new EntrySubject(entryId, "retired", Retired), Retiring(ct), ct);

    private static string Retired(Entry entry) => $"Retired “{ContentHistory.Name(entry)}”";

    private static Func<PortalDbContext, Entry, DateTimeOffset, Task<string?>> Retiring(CancellationToken ct) =>
        async (db, entry, now) =>
        {
            if (entry.RetiredAt is not null) return "The entry is already retired.";
            foreach (var e in await EntryTree.SubtreeAsync(db, entry, includeRetired: false, ct)) e.RetiredAt = now;
            return null;
        };
}

/// <summary>Where an entry stands, for duplicate warnings and lists.</summary>
public sealed record EntryLocation(long Id, string Title, string SectionTitle, string SectionSlug, bool Retired);
