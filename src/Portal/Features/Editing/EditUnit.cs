using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// The one way an editor's change reaches the database: one transaction that applies the change, writes its
/// history rows, bumps the content revision (readers' cached pages go at once) and commits. A change that
/// records no history writes nothing. A save overtaken by someone else's answers <see cref="EditOutcome.Conflict"/>.
/// </summary>
public sealed class EditUnit(IDbContextFactory<PortalDbContext> databases, TimeProvider time,
    SearchVocabulary vocabulary)
{
    /// <param name="apply">Makes the change on the edit's context and records its history, or refuses.</param>
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
        await ContentRevision.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        if (edit.ChangedEntries) vocabulary.Request();
        // The version as PostgreSQL returned it from the write: the one the editor's next save starts from.
        return ((EditStep.Done)step).Answer();
    }
}

/// <summary>An edit in progress: its database context, its moment, and its history rows.</summary>
public sealed class Edit(PortalDbContext db, EditorIdentity editor, DateTimeOffset now)
{
    public PortalDbContext Db => db;
    public DateTimeOffset Now => now;
    internal bool Recorded { get; private set; }

    /// <summary>Entries' text is searchable: a change to them asks for a new search vocabulary.</summary>
    internal bool ChangedEntries { get; private set; }

    public void RecordEntry(string action, string summary, long entryId, int sectionId, EntrySnapshot? before,
        EntrySnapshot? after)
    {
        ContentHistory.Entry(db, editor, now, action, summary, entryId, sectionId, before, after);
        Recorded = ChangedEntries = true;
    }

    public void RecordSection(string action, string summary, int sectionId, SectionSnapshot? before,
        SectionSnapshot? after)
    {
        ContentHistory.Section(db, editor, now, action, summary, sectionId, before, after);
        Recorded = true;
    }

    public static EditStep Refuse(string message) => new EditStep.Refused(new EditOutcome.Invalid(message));

    public static EditStep Refuse(EditOutcome outcome) => new EditStep.Refused(outcome);

    /// <summary>Done; the entry's id and version answer once written.</summary>
    public static EditStep Done(Entry entry) => new EditStep.Done(() => new EditOutcome.Saved(entry.Id, entry.Version));

    public static EditStep Done(Section section) =>
        new EditStep.Done(() => new EditOutcome.Saved(section.Id, section.Version));
}

/// <summary>What a change made of itself: refused (nothing is written), or done.</summary>
public abstract record EditStep
{
    private EditStep() { }

    public sealed record Refused(EditOutcome Outcome) : EditStep;

    /// <summary>Asked after the write, so that the answer carries the version PostgreSQL gave the row.</summary>
    public sealed record Done(Func<EditOutcome.Saved> Answer) : EditStep;
}
