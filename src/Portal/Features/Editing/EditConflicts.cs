using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// The one answer to a save that someone else's overtook (<see cref="EditOutcome.Conflict"/>): the current text
/// and version, and who saved last and when, so the editor can merge and save again.
/// </summary>
internal static class EditConflicts
{
    public static async Task<EditOutcome> EntryAsync(PortalDbContext db, long entryId, CancellationToken ct)
    {
        var current = await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.Markdown, e.Version }).SingleOrDefaultAsync(ct);
        return current is null
            ? new EditOutcome.NotFound()
            : await ConflictAsync(db.ContentChanges.Where(c => c.EntryId == entryId), current.Markdown,
                current.Version, ct);
    }

    /// <summary>A section's text is its heading and introduction, as the list's Markdown holds them.</summary>
    public static async Task<EditOutcome> SectionAsync(PortalDbContext db, int sectionId, CancellationToken ct)
    {
        var current = await db.Sections.AsNoTracking().Where(s => s.Id == sectionId)
            .Select(s => new { s.HeadingMarkdown, s.IntroMarkdown, s.Version }).SingleOrDefaultAsync(ct);
        return current is null
            ? new EditOutcome.NotFound()
            : await ConflictAsync(
                db.ContentChanges.Where(c => c.Subject == ChangeSubject.Section && c.SectionId == sectionId),
                current.HeadingMarkdown + current.IntroMarkdown, current.Version, ct);
    }

    /// <summary>"Ana at 2026-11-30 10:15", or "someone else" when history does not say.</summary>
    public static string Who(EditOutcome.Conflict conflict) =>
        conflict.ChangedBy is { } by ? $"{by} at {conflict.ChangedAt:yyyy-MM-dd HH:mm}" : "someone else";

    private static async Task<EditOutcome> ConflictAsync(IQueryable<ContentChange> changes, string markdown,
        uint version, CancellationToken ct)
    {
        var last = await changes.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new { c.UserName, c.At }).FirstOrDefaultAsync(ct);
        return new EditOutcome.Conflict(markdown, version, last?.UserName, last?.At);
    }
}
