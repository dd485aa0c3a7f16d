using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// The one way an editor's change reaches the database: one transaction that applies the change, writes its
/// history rows, bumps the content revision (readers' cached pages go at once) and commits. A change that
/// records nothing writes nothing. A save overtaken by someone else's answers <see cref="EditOutcome.Conflict"/>.
/// </summary>
public sealed class EditUnit(IDbContextFactory<PortalDbContext> databases, TimeProvider time,
    SearchVocabulary vocabulary, CurrentRevision content)
{
    public const string SameMoment = "Someone made the same change at the same moment; nothing was changed.";

    /// <param name="apply">Makes the change on the edit's context and records it, or refuses.</param>
    /// <param name="conflict">What the editor is told when another save overtook this one (null when the change
    /// guards no version: adding).</param>
    public async Task<EditOutcome> RunAsync(EditorIdentity editor, Func<Edit, Task<EditStep>> apply,
        Func<PortalDbContext, Task<EditOutcome>>? conflict, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var edit = new Edit(db, editor, time.GetUtcNow());
        EditStep step;
        try
        {
            step = await apply(edit);
            if (step is EditStep.Refused refused) return refused.Outcome;
            if (!edit.Recorded) return ((EditStep.Done)step).Answer();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (conflict is not null)
        {
            // Saved by someone else between our read and our write: the version no longer matches.
            await transaction.RollbackAsync(ct);
            await using var fresh = await databases.CreateDbContextAsync(ct);
            return await conflict(fresh);
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two editors adding the same thing at once: the second is told, nothing is lost. A versioned save
            // that clashed is one that another save overtook (two renames both keeping the old address): its
            // editor gets the current text to merge with.
            await transaction.RollbackAsync(ct);
            if (conflict is null) return new EditOutcome.Invalid(SameMoment);
            await using var fresh = await databases.CreateDbContextAsync(ct);
            return await conflict(fresh);
        }
        var revision = await ContentRevision.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        // This instance's pages follow at once; the others hear the notification.
        content.Advance(revision);
        if (edit.ChangedEntries) vocabulary.Request();
        // The version as PostgreSQL returned it from the write: the one the editor's next save starts from.
        return ((EditStep.Done)step).Answer();
    }

    /// <summary>
    /// The shape of every change to something that exists and carries a version (an entry, a section): load it,
    /// check the version the editor started from (when given), change it, and record the change if there is one.
    /// The change returns an error message, or null when done.
    /// </summary>
    public Task<EditOutcome> ChangeAsync<T, TSnapshot>(EditorIdentity editor, EditSubject<T, TSnapshot> subject,
        Func<PortalDbContext, T, DateTimeOffset, Task<string?>> change, CancellationToken ct,
        uint? expectedVersion = null)
        where T : class where TSnapshot : class =>
        RunAsync(editor, Change(subject, change, ct, expectedVersion), db => subject.ConflictAsync(db, ct), ct);

    /// <summary><see cref="ChangeAsync"/> as a step, for a change that is part of a larger one.</summary>
    public static Func<Edit, Task<EditStep>> Change<T, TSnapshot>(EditSubject<T, TSnapshot> subject,
        Func<PortalDbContext, T, DateTimeOffset, Task<string?>> change, CancellationToken ct,
        uint? expectedVersion = null)
        where T : class where TSnapshot : class => async edit =>
    {
        var item = await subject.LoadAsync(edit.Db, ct);
        if (item is null) return Edit.Refuse(new EditOutcome.NotFound());
        if (expectedVersion is { } version && subject.VersionOf(item) != version)
            return Edit.Refuse(await subject.ConflictAsync(edit.Db, ct));
        var before = await subject.SnapshotAsync(edit.Db, item, ct);
        if (await change(edit.Db, item, edit.Now) is { } error) return Edit.Refuse(error);
        if (await subject.RefusalAsync(edit, item, ct) is { } refusal) return Edit.Refuse(refusal);
        var after = await subject.SnapshotAsync(edit.Db, item, ct);
        if (subject.Differs(edit, before, after)) subject.Record(edit, item, before, after);
        return new EditStep.Done(() => new EditOutcome.Saved(subject.IdOf(item), subject.VersionOf(item)));
    };
}
