using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.LinkHealth.Drift;

/// <summary>
/// The two ways an editor settles a "changed beyond recognition" alert, both in the history and each one edit
/// (<see cref="EditUnit"/>): accept the page as it is now (it becomes the copy the next change is compared with),
/// or retire the entry (the editing path's own retire, history and all) and close the alert with it.
/// </summary>
public sealed class DriftEditing(EditUnit unit)
{
    private const string Settled = "That page was settled already; nothing was changed.";

    /// <summary>Closes the alert and writes a history row on each live entry that links the page; a message
    /// saying what happened.</summary>
    public async Task<string> AcceptAsync(long driftId, EditorIdentity editor, CancellationToken ct) =>
        Message(await unit.RunAsync(editor, async edit =>
        {
            var db = edit.Db;
            if (await OpenAsync(db, driftId, ct) is not { } drift) return Edit.Refuse(Settled);
            Resolve(drift, PageDriftResolution.Accepted, edit);
            var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, ct);
            foreach (var entry in await db.Entries.AsNoTracking()
                         .Where(e => e.NormalizedUrl == drift.NormalizedUrl && e.RetiredAt == null).ToListAsync(ct))
            {
                // The entry itself is unchanged: before and after are the same, the row says what was decided.
                var snapshot = EntrySnapshot.Of(entry, sections[entry.SectionId]);
                edit.RecordEntry("changed page accepted",
                    $"Accepted {drift.Url} as it is now (“{drift.NewTitle ?? "untitled"}”) for “"
                    + $"{ContentHistory.Name(entry)}”", entry.Id, entry.SectionId, snapshot, snapshot);
            }
            edit.RecordOnItsRow();
            return Edit.Done(() =>
                $"Accepted: {drift.Url} is kept as it is now; the next change is compared with this page.");
        }, conflict: null, ct));

    /// <summary>Retires the entry and closes the alert, both or neither.</summary>
    public async Task<string> RetireAsync(long driftId, long entryId, EditorIdentity editor, CancellationToken ct) =>
        Message(await unit.RunAsync(editor, async edit =>
        {
            if (await OpenAsync(edit.Db, driftId, ct) is not { } drift) return Edit.Refuse(Settled);
            if (!await edit.Db.Entries.IgnoreQueryFilters()
                    .AnyAsync(e => e.Id == entryId && e.NormalizedUrl == drift.NormalizedUrl, ct))
                return Edit.Refuse("That entry does not link this page (any more); nothing was changed.");
            Resolve(drift, PageDriftResolution.Retired, edit);
            // A refused retire writes nothing, the alert's resolution with it.
            var retired = await EntryEditing.Retire(entryId, ct)(edit);
            if (retired is EditStep.Refused) return retired;
            return Edit.Done(() =>
                $"Retired: readers no longer see the entry for {drift.Url}. History can bring it back.");
        }, db => EditConflicts.EntryAsync(db, entryId, ct), ct));

    /// <summary>The open alert, locked: of two editors settling it at once, the second finds it settled.</summary>
    private static Task<PageDrift?> OpenAsync(PortalDbContext db, long driftId, CancellationToken ct) =>
        db.PageDrifts.FromSql($"SELECT * FROM page_drifts WHERE id = {driftId} AND resolved_at IS NULL FOR UPDATE")
            .SingleOrDefaultAsync(ct);

    private static string Message(EditOutcome outcome) =>
        outcome is EditOutcome.Changed changed ? changed.Message : LinkHealthEndpoints.Refusal(outcome);

    private static void Resolve(PageDrift drift, PageDriftResolution how, Edit edit)
    {
        drift.ResolvedAt = edit.Now;
        drift.ResolvedBy = edit.Editor.UserName;
        drift.Resolution = how;
    }
}
