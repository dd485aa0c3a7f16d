using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.LinkHealth.Drift;

/// <summary>
/// The two ways an editor settles a "changed beyond recognition" alert, both in the history: accept the page as it
/// is now (it becomes the copy the next change is compared with), or retire the entry (the editing path's own
/// retire, history and all).
/// </summary>
public sealed class DriftEditing(IDbContextFactory<PortalDbContext> databases, EntryEditing editing,
    TimeProvider time)
{
    /// <summary>Closes the alert and writes a history row on each live entry that links the page; a message
    /// saying what happened.</summary>
    public async Task<string> AcceptAsync(long driftId, EditorIdentity editor, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var drift = await db.PageDrifts.SingleOrDefaultAsync(d => d.Id == driftId && d.ResolvedAt == null, ct);
        if (drift is null) return "That page was settled already; nothing was changed.";
        var now = time.GetUtcNow();
        Resolve(drift, PageDriftResolution.Accepted, editor, now);
        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        foreach (var entry in await db.Entries.AsNoTracking()
                     .Where(e => e.NormalizedUrl == drift.NormalizedUrl && e.RetiredAt == null).ToListAsync(ct))
        {
            // The entry itself is unchanged: before and after are the same, the row says what was decided.
            var snapshot = EntrySnapshot.Of(entry, sections[entry.SectionId]);
            ContentHistory.Entry(db, editor, now, "changed page accepted",
                $"Accepted {drift.Url} as it is now (“{drift.NewTitle ?? "untitled"}”) for “"
                + $"{ContentHistory.Name(entry)}”", entry.Id, entry.SectionId, snapshot, snapshot);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return $"Accepted: {drift.Url} is kept as it is now; the next change is compared with this page.";
    }

    /// <summary>Retires the entry through the editing path, then closes the alert.</summary>
    public async Task<string> RetireAsync(long driftId, long entryId, EditorIdentity editor, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var drift = await db.PageDrifts.SingleOrDefaultAsync(d => d.Id == driftId && d.ResolvedAt == null, ct);
        if (drift is null) return "That page was settled already; nothing was changed.";
        if (!await db.Entries.AnyAsync(e => e.Id == entryId && e.NormalizedUrl == drift.NormalizedUrl, ct))
            return "That entry does not link this page (any more); nothing was changed.";
        var outcome = await editing.RetireAsync(entryId, editor, ct);
        if (outcome is EditOutcome.Invalid invalid) return invalid.Message;
        if (outcome is EditOutcome.NotFound) return "That entry is gone; nothing was changed.";
        Resolve(drift, PageDriftResolution.Retired, editor, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return $"Retired: readers no longer see the entry for {drift.Url}. History can bring it back.";
    }

    private static void Resolve(PageDrift drift, PageDriftResolution how, EditorIdentity editor, DateTimeOffset now)
    {
        drift.ResolvedAt = now;
        drift.ResolvedBy = editor.UserName;
        drift.Resolution = how;
    }
}
