using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>An edit in progress (<see cref="EditUnit"/>): its database context, its moment, and what it
/// recorded.</summary>
public sealed class Edit(PortalDbContext db, EditorIdentity editor, DateTimeOffset now)
{
    public PortalDbContext Db => db;
    public DateTimeOffset Now => now;
    public EditorIdentity Editor => editor;
    internal bool Recorded { get; private set; }

    /// <summary>Entries' text is searchable: a change to them asks for a new search vocabulary.</summary>
    internal bool ChangedEntries { get; private set; }

    public void RecordEntry(string action, string summary, long entryId, int sectionId, EntrySnapshot? before,
        EntrySnapshot? after)
    {
        ContentHistory.Entry(db, editor, now, action, summary, entryId, sectionId, before, after);
        Recorded = true;
        // A decision about an entry that leaves it as it was (a changed page accepted) changes no words.
        ChangedEntries |= before != after;
    }

    public void RecordSection(string action, string summary, int sectionId, SectionSnapshot? before,
        SectionSnapshot? after)
    {
        ContentHistory.Section(db, editor, now, action, summary, sectionId, before, after);
        Recorded = true;
    }

    public void RecordExclusion(string action, string summary, ExclusionSnapshot? before, ExclusionSnapshot? after)
    {
        ContentHistory.Exclusion(db, editor, now, action, summary, before, after);
        Recorded = true;
    }

    /// <summary>A change that keeps its own who and when on its row (a link accepted as fine, a host's copies
    /// switched off) instead of a history row: written and the revision bumped all the same.</summary>
    public void RecordOnItsRow() => Recorded = true;

    public static EditStep Refuse(string message) => new EditStep.Refused(new EditOutcome.Invalid(message));

    public static EditStep Refuse(EditOutcome outcome) => new EditStep.Refused(outcome);

    /// <summary>Done; the entry's id and version answer once written.</summary>
    public static EditStep Done(Entry entry) => new EditStep.Done(() => new EditOutcome.Saved(entry.Id, entry.Version));

    public static EditStep Done(Section section) =>
        new EditStep.Done(() => new EditOutcome.Saved(section.Id, section.Version));

    /// <summary>Done, for a change without a version of its own: what the editor is told, once written.</summary>
    public static EditStep Done(Func<string> message) => new EditStep.Done(() => new EditOutcome.Changed(message()));
}

/// <summary>What a change made of itself: refused (nothing is written), or done.</summary>
public abstract record EditStep
{
    private EditStep() { }

    public sealed record Refused(EditOutcome Outcome) : EditStep;

    /// <summary>Asked after the write, so that the answer carries the version PostgreSQL gave the row.</summary>
    public sealed record Done(Func<EditOutcome> Answer) : EditStep;
}
