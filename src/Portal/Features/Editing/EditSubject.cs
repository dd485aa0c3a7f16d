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

    public abstract Task<TSnapshot> SnapshotAsync(PortalDbContext db, T item, CancellationToken ct);

    public virtual bool Differs(Edit edit, TSnapshot before, TSnapshot after) => before != after;

    /// <summary>A rule the item must keep whatever the change made of it: the refusal, or null when it keeps
    /// them all.</summary>
    public virtual Task<EditOutcome?> RefusalAsync(Edit edit, T item, CancellationToken ct) =>
        Task.FromResult<EditOutcome?>(null);

    public abstract void Record(Edit edit, T item, TSnapshot before, TSnapshot after);
}

/// <summary>An entry (retired ones too), with its links; its history row names its section. A change that gives it
/// an address another entry holds is refused unless <paramref name="allowDuplicate"/> (<see cref="SameAddress"/>).
/// </summary>
public sealed class EntrySubject(long entryId, string action, Func<Entry, string> summary, bool allowDuplicate = false)
    : EditSubject<Entry, EntrySnapshot>
{
    /// <summary>Section titles read for this edit: its own section's, and the one it moved to.</summary>
    private readonly Dictionary<int, string> _titles = [];

    public override Task<Entry?> LoadAsync(PortalDbContext db, CancellationToken ct) =>
        db.Entries.IgnoreQueryFilters().Include(e => e.Links).SingleOrDefaultAsync(e => e.Id == entryId, ct);

    public override long IdOf(Entry item) => item.Id;

    public override uint VersionOf(Entry item) => item.Version;

    public override Task<EditOutcome> ConflictAsync(PortalDbContext db, CancellationToken ct) =>
        EditConflicts.EntryAsync(db, entryId, ct);

    public override async Task<EntrySnapshot> SnapshotAsync(PortalDbContext db, Entry item, CancellationToken ct)
    {
        if (!_titles.TryGetValue(item.SectionId, out var title))
            _titles[item.SectionId] = title = await db.Sections.AsNoTracking().Where(s => s.Id == item.SectionId)
                .Select(s => s.Title).SingleAsync(ct);
        return EntrySnapshot.Of(item, title);
    }

    public override async Task<EditOutcome?> RefusalAsync(Edit edit, Entry item, CancellationToken ct)
    {
        var address = edit.Db.Entry(item).Property(e => e.NormalizedUrl);
        if (allowDuplicate || address.CurrentValue is not { } url || url == address.OriginalValue) return null;
        return await SameAddress.RefusalAsync(edit.Db, [url], except: item.Id, ct);
    }

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

    public override Task<SectionSnapshot> SnapshotAsync(PortalDbContext db, Section item, CancellationToken ct) =>
        Task.FromResult(SectionSnapshot.Of(item));

    public override bool Differs(Edit edit, SectionSnapshot before, SectionSnapshot after) =>
        before != after || edit.Db.ChangeTracker.HasChanges();

    public override void Record(Edit edit, Section item, SectionSnapshot before, SectionSnapshot after)
    {
        item.UpdatedAt = edit.Now;
        edit.RecordSection(action, summary(item), item.Id, before, after);
    }
}
