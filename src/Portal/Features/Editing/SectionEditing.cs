using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Infrastructure.Rendering;
using SlugText = ContainerNetLib.Domain.Urls.Slug;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// Creating, renaming, reordering, nesting and deleting sections. A rename keeps the old slug as a
/// redirect, so links shared in chat keep working. Section titles are not in the search vocabulary:
/// a change drops the cached pages and leaves the vocabulary alone.
/// </summary>
public sealed class SectionEditing(IDbContextFactory<PortalDbContext> databases, EditUnit unit)
{
    public Task<EditOutcome> CreateAsync(string title, int? parentId, EditorIdentity editor,
        CancellationToken ct = default)
    {
        title = title.Trim();
        if (TitleProblem(title) is { } problem) return Task.FromResult<EditOutcome>(new EditOutcome.Invalid(problem));
        return unit.RunAsync(editor, async edit =>
        {
            var db = edit.Db;
            var parent = parentId is { } pid ? await db.Sections.SingleOrDefaultAsync(s => s.Id == pid, ct) : null;
            if (parentId is not null && parent is null)
                return Edit.Refuse("The parent section does not exist any more.");
            var level = (parent?.Level ?? 0) + 1;
            var section = new Section
            {
                Title = title, Level = level, ParentId = parentId, HeadingMarkdown = Heading(level, title),
                IntroMarkdown = "\n", OutroMarkdown = "\n",
                Slug = await UniqueSlugAsync(db, title, null, ct), CreatedAt = edit.Now, UpdatedAt = edit.Now,
                Position = (await db.Sections.Where(s => s.ParentId == parentId).MaxAsync(s => (int?)s.Position,
                    ct) ?? -1) + 1,
            };
            db.Sections.Add(section);
            await db.SaveChangesAsync(ct);
            edit.RecordSection("created", $"Created section “{title}”", section.Id, null,
                SectionSnapshot.Of(section));
            return Edit.Done(section);
        }, conflict: null, ct);
    }

    /// <summary>Renames the section and edits its introduction; a changed title gets a new slug and the old one
    /// redirects.</summary>
    public Task<EditOutcome> UpdateAsync(int sectionId, uint expectedVersion, string title, string intro,
        EditorIdentity editor, CancellationToken ct = default)
    {
        title = title.Trim();
        if ((TitleProblem(title) ?? TextField.SectionIntro.Problem(intro)) is { } problem)
            return Task.FromResult<EditOutcome>(new EditOutcome.Invalid(problem));
        return ChangeAsync(sectionId, editor, "edited", s => $"Edited section “{s.Title}”",
            async (db, section, now) =>
        {
            if (title != section.Title)
            {
                var slug = await UniqueSlugAsync(db, title, section.Id, ct);
                if (slug != section.Slug)
                {
                    // The new slug may be one this section (or another) used before: it is current now.
                    await db.SectionSlugs.Where(f => f.Slug == slug).ExecuteDeleteAsync(ct);
                    db.SectionSlugs.Add(new SectionSlug { SectionId = section.Id, Slug = section.Slug,
                        RetiredAt = now });
                    section.Slug = slug;
                }
                section.Title = title;
                section.HeadingMarkdown = Heading(section.Level, title);
            }
            // The blank lines around the introduction are the file's layout, not the editor's text: kept when the text
            // is unchanged.
            var text = intro.Replace("\r\n", "\n").Trim();
            if (text != section.IntroMarkdown.Trim()) section.IntroMarkdown = text.Length == 0 ? "\n" : $"\n{text}\n\n";
            return null;
        }, ct, expectedVersion);
    }

    public Task<EditOutcome> MoveUpAsync(int sectionId, EditorIdentity editor, CancellationToken ct = default) =>
        ShiftAsync(sectionId, -1, editor, ct);

    public Task<EditOutcome> MoveDownAsync(int sectionId, EditorIdentity editor, CancellationToken ct = default) =>
        ShiftAsync(sectionId, +1, editor, ct);

    private Task<EditOutcome> ShiftAsync(int sectionId, int by, EditorIdentity editor, CancellationToken ct) =>
        ChangeAsync(sectionId, editor, "reordered", s => $"Moved section “{s.Title}” {(by < 0 ? "up" : "down")}",
            async (db, section, _) =>
        {
            var siblings = await db.Sections.Where(s => s.ParentId == section.ParentId).OrderBy(s =>
                s.Position).ThenBy(s => s.Id).ToListAsync(ct);
            var at = siblings.FindIndex(s => s.Id == section.Id);
            var to = at + by;
            if (to < 0 || to >= siblings.Count)
                return by < 0 ? "The section is already first." : "The section is already last.";
            (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
            for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i;
            return null;
        }, ct);

    /// <summary>Makes the section a subsection of another (or top level, with null), last among its new
    /// siblings.</summary>
    public Task<EditOutcome> NestAsync(int sectionId, int? parentId, EditorIdentity editor,
        CancellationToken ct = default) =>
        ChangeAsync(sectionId, editor, "nested",
            s => s.ParentId is null ? $"Made section “{s.Title}” top level" : $"Nested section “{s.Title}”",
            async (db, section, _) =>
        {
            if (parentId == section.ParentId) return "The section is already there.";
            var all = await db.Sections.ToListAsync(ct);
            var byId = all.ToDictionary(s => s.Id);
            if (parentId is { } p)
            {
                if (!byId.ContainsKey(p)) return "That section does not exist any more.";
                for (int? at = p; at is { } a; at = byId[a].ParentId)
                    if (a == section.Id) return "A section cannot be nested inside itself or one of its subsections.";
            }
            section.ParentId = parentId;
            section.Position = (all.Where(s => s.ParentId == parentId && s.Id != section.Id).Max(s => (int?)s.Position)
                ?? -1) + 1;
            var children = all.ToLookup(s => s.ParentId);
            void Relevel(Section s, int level)
            {
                s.Level = level;
                s.HeadingMarkdown = Heading(level, s.Title);
                foreach (var child in children[s.Id]) Relevel(child, level + 1);
            }
            Relevel(section, (parentId is { } pp ? byId[pp].Level : 0) + 1);
            return null;
        }, ct);

    /// <summary>Deletes an empty section. Retired entries in it go with it (history keeps them). The answer
    /// carries the version that was deleted.</summary>
    public Task<EditOutcome> DeleteAsync(int sectionId, EditorIdentity editor, CancellationToken ct = default) =>
        unit.RunAsync(editor, async edit =>
        {
            var db = edit.Db;
            var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, ct);
            if (section is null) return Edit.Refuse(new EditOutcome.NotFound());
            var entries = await db.Entries.CountAsync(e => e.SectionId == sectionId, ct);
            if (entries > 0)
                return Edit.Refuse($"“{section.Title}” still has {Counted.Of(entries, "entry", "entries")}: "
                    + "move or retire them first.");
            if (await db.Sections.AnyAsync(s => s.ParentId == sectionId, ct))
                return Edit.Refuse($"“{section.Title}” still has subsections: move or delete them first.");
            edit.RecordSection("deleted", $"Deleted section “{section.Title}”", section.Id,
                SectionSnapshot.Of(section), null);
            db.Sections.Remove(section);
            return Edit.Done(section);
        }, db => EditConflicts.SectionAsync(db, sectionId, ct), ct);

    /// <summary>Puts a section's title, slug and introduction back as they were before a change.</summary>
    public async Task<EditOutcome> RestoreAsync(long changeId, EditorIdentity editor, CancellationToken ct = default)
    {
        await using var lookup = await databases.CreateDbContextAsync(ct);
        var change = await lookup.ContentChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId, ct);
        if (change is not { Subject: ChangeSubject.Section, SectionId: { } sectionId })
            return new EditOutcome.NotFound();
        var target = SnapshotJson.Read<SectionSnapshot>(change.Before);
        if (target is null) return new EditOutcome.Invalid("This change created the section: there is no earlier " +
            "version. Delete it instead.");
        var current = await lookup.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sectionId, ct);
        if (current is null) return new EditOutcome.Invalid("The section has been deleted; create it again to " +
            "restore it.");
        return await UpdateAsync(sectionId, current.Version, target.Title, target.IntroMarkdown, editor, ct);
    }

    /// <summary>A change to an existing section (<see cref="EditUnit.ChangeAsync"/>): the change returns an error
    /// message, or null.</summary>
    private Task<EditOutcome> ChangeAsync(int sectionId, EditorIdentity editor, string action,
        Func<Section, string> summary, Func<PortalDbContext, Section, DateTimeOffset, Task<string?>> change,
        CancellationToken ct, uint? expectedVersion = null) =>
        unit.ChangeAsync(editor, new SectionSubject(sectionId, action, summary), change, ct, expectedVersion);

    private static string? TitleProblem(string title) =>
        title.Length == 0 ? "Give the section a title."
        : TextField.SectionTitle.Problem(title) is { } problem ? problem
        : title.Contains('\n') ? "A section title is one line."
        : null;

    private static string Heading(int level, string title) => $"{new string('#', Math.Clamp(level, 1, 6))} {title}\n";

    private static async Task<string> UniqueSlugAsync(PortalDbContext db, string title, int? except,
        CancellationToken ct)
    {
        var taken = (await db.Sections.Where(s => s.Id != except).Select(s => s.Slug).ToListAsync(ct)).ToHashSet();
        return SlugText.Unique(SlugText.From(title), taken.Contains);
    }
}
