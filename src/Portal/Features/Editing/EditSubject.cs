using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// Something an editor changes in place that carries the version they started from: how <see
/// cref="EditUnit.ChangeAsync"/> loads it, names its version, tells of a conflict, and keeps it in history.
/// </summary>
public abstract class EditSubject<T, TSnapshot> where T : class where TSnapshot : class
{
    public abstract Task<T?> LoadAsync(PortalDbContext db, CancellationToken ct);

    public abstract long IdOf(T item);

    public abstract uint VersionOf(T item);

    public abstract Task<EditOutcome> ConflictAsync(PortalDbContext db, CancellationToken ct);

    public abstract TSnapshot Snapshot(T item);

    public virtual bool Differs(Edit edit, TSnapshot before, TSnapshot after) => before != after;

    public abstract void Record(Edit edit, T item, TSnapshot before, TSnapshot after);
}

/// <summary>An entry (retired ones too), with its links; its history row names its section.</summary>
public sealed class EntrySubject(long entryId, string action, Func<Entry, string> summary)
    : EditSubject<Entry, EntrySnapshot>
{
    private Dictionary<int, string> _sections = [];

    public override async Task<Entry?> LoadAsync(PortalDbContext db, CancellationToken ct)
    {
        var entry = await db.Entries.IgnoreQueryFilters().Include(e => e.Links)
            .SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is not null)
            _sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        return entry;
    }

    public override long IdOf(Entry item) => item.Id;

    public override uint VersionOf(Entry item) => item.Version;

    public override Task<EditOutcome> ConflictAsync(PortalDbContext db, CancellationToken ct) =>
        EditConflicts.EntryAsync(db, entryId, ct);

    // A section the entry moved to in this edit is one that existed when the edit began.
    public override EntrySnapshot Snapshot(Entry item) =>
        EntrySnapshot.Of(item, _sections.GetValueOrDefault(item.SectionId) ?? "");

    public override void Record(Edit edit, Entry item, EntrySnapshot before, EntrySnapshot after) =>
        edit.RecordEntry(action, summary(item), item.Id, item.SectionId, before, after);
}

/// <summary>A section; it counts as changed when anything below it moved too (a reorder of its
/// siblings).</summary>
public sealed class SectionSubject(int sectionId, string action, Func<Section, string> summary)
    : EditSubject<Section, SectionSnapshot>
{
    public override Task<Section?> LoadAsync(PortalDbContext db, CancellationToken ct) =>
        db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, ct);

    public override long IdOf(Section item) => item.Id;

    public override uint VersionOf(Section item) => item.Version;

    public override Task<EditOutcome> ConflictAsync(PortalDbContext db, CancellationToken ct) =>
        EditConflicts.SectionAsync(db, sectionId, ct);

    public override SectionSnapshot Snapshot(Section item) => SectionSnapshot.Of(item);

    public override bool Differs(Edit edit, SectionSnapshot before, SectionSnapshot after) =>
        before != after || edit.Db.ChangeTracker.HasChanges();

    public override void Record(Edit edit, Section item, SectionSnapshot before, SectionSnapshot after)
    {
        item.UpdatedAt = edit.Now;
        edit.RecordSection(action, summary(item), item.Id, before, after);
    }
}
