using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>One change as the history page shows it: who, when, what, and the diff.</summary>
public sealed record HistoryItem(
    long Id, DateTimeOffset At, string UserName, string Action, string Summary, ChangeSubject Subject,
    long? EntryId, int? SectionId, IReadOnlyList<DiffPart> Diff, IReadOnlyList<string> Notes, bool CanRestore);

public sealed record HistoryResults(IReadOnlyList<HistoryItem> Items, bool HasMore);

/// <summary>The change history of the whole list, one entry or one section, newest first.</summary>
public sealed class HistoryQueries(IDbContextFactory<PortalDbContext> databases)
{
    public const int PageSize = 50;

    public async Task<HistoryResults> ListAsync(long? entryId, int? sectionId, int page, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var query = db.ContentChanges.AsNoTracking();
        if (entryId is { } e) query = query.Where(c => c.EntryId == e);
        // A section's history: its own changes and those of the entries in it at the time.
        if (sectionId is { } s) query = query.Where(c => c.SectionId == s);
        var rows = await query.OrderByDescending(c => c.Id).Skip(Math.Max(0,
            page) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new HistoryResults(rows.Take(PageSize).Select(Describe).ToList(), rows.Count > PageSize);
    }

    private static HistoryItem Describe(ContentChange change)
    {
        var notes = new List<string>();
        IReadOnlyList<DiffPart> diff = [];
        if (change.Subject == ChangeSubject.Entry)
        {
            var before = SnapshotJson.Read<EntrySnapshot>(change.Before);
            var after = SnapshotJson.Read<EntrySnapshot>(change.After);
            diff = TextDiff.Words(before?.Markdown ?? "", after?.Markdown ?? "");
            if (before is not null && after is not null)
            {
                if (before.SectionId != after.SectionId)
                    notes.Add($"Section: {before.SectionTitle} → {after.SectionTitle}");
                if (before.ParentId != after.ParentId) notes.Add(after.ParentId is null ? "No longer nested"
                    : "Nested under another entry");
                if (before.Position != after.Position && before.ParentId == after.ParentId)
                    notes.Add($"Place: {before.Position + 1} → {after.Position + 1}");
                if (before.Retired != after.Retired) notes.Add(after.Retired ? "Retired: hidden from readers"
                    : "Back in the list");
            }
        }
        else if (change.Subject == ChangeSubject.Exclusion)
        {
            // A rule is added or removed whole: the diff shows it appear or go.
            var before = SnapshotJson.Read<ExclusionSnapshot>(change.Before);
            var after = SnapshotJson.Read<ExclusionSnapshot>(change.After);
            diff = TextDiff.Words(before?.Describe() ?? "", after?.Describe() ?? "");
        }
        else
        {
            var before = SnapshotJson.Read<SectionSnapshot>(change.Before);
            var after = SnapshotJson.Read<SectionSnapshot>(change.After);
            diff = TextDiff.Words(before?.Title ?? "", after?.Title ?? "");
            if (before is not null && after is not null)
            {
                if (before.Slug != after.Slug) notes.Add($"Address: /sections/{before.Slug} → /sections/{after.Slug} "
                    +
                    $"(the old one redirects)");
                if (before.IntroMarkdown.Trim() != after.IntroMarkdown.Trim()) notes.Add("Introduction changed");
                if (before.ParentId != after.ParentId) notes.Add("Moved to another parent section");
                if (before.Position != after.Position)
                    notes.Add($"Place: {before.Position + 1} → {after.Position + 1}");
            }
        }
        return new HistoryItem(change.Id, change.At, change.UserName, change.Action, change.Summary, change.Subject,
            change.EntryId, change.SectionId, diff, notes, change.Before is not null && change.After is not null);
    }
}
