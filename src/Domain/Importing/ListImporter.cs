using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// Upserts a parsed reading list in one transaction: rows whose content is unchanged are not
/// touched (nor their timestamps), so importing an unchanged file changes nothing, and a failure
/// anywhere leaves the database as it was.
/// </summary>
public sealed class ListImporter(PortalDbContext db, TimeProvider time)
{
    // Two imports at once would each compute a diff against a state the other is changing.
    private const long ImportLockId = 0x434E4C_494D50;

    public async Task<ImportSummary> ImportAsync(ParseResult parsed, bool dryRun, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var tree = ParsedTree.From(parsed.Document);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({ImportLockId})", ct);

        progress?.Report("Comparing sections");
        await UpsertListAsync(parsed.Document, now, ct);
        var sections = new SectionSync(db, now);
        var sectionIds = await sections.ApplyAsync(tree, ct);

        progress?.Report("Comparing entries");
        var stored = await StoredTree.LoadEntriesAsync(db, sections.StoredKeys, ct);
        var plan = EntryPlan.Match(tree, stored, sectionIds, now);

        progress?.Report($"Writing {plan.Added.Count} new and {plan.Changed.Count} changed entries");
        var writes = new EntryWrites(db);
        plan.Complete(await writes.ReserveIdsAsync(plan.Added.Count, ct));
        await writes.InsertAsync(plan.Added, ct);
        await writes.UpdateAsync(plan.Changed, ct);
        await writes.DeleteAsync(plan.Removed, ct);
        await writes.ReplaceLinksAsync(plan.Added.Concat(plan.LinksChanged).ToList(), ct);
        await sections.DeleteRemovedAsync(ct);

        var summary = new ImportSummary(
            dryRun ? CountParsed(tree) : await ListStatistics.CountAsync(db, ct),
            plan.Added.Count, plan.ChangedCount, plan.Removed.Count, plan.Unchanged,
            sections.Changes, parsed.Warnings, dryRun);
        if (dryRun) await transaction.RollbackAsync(ct);
        else await transaction.CommitAsync(ct);
        return summary;
    }

    private async Task UpsertListAsync(ListDocument document, DateTimeOffset now, CancellationToken ct)
    {
        var list = await db.ReadingLists.SingleOrDefaultAsync(ct);
        if (list is null)
        {
            db.ReadingLists.Add(new ReadingList { Preamble = document.Preamble, EndsWithNewline = document.EndsWithNewline, UpdatedAt = now });
        }
        else if (list.Preamble != document.Preamble || list.EndsWithNewline != document.EndsWithNewline)
        {
            list.Preamble = document.Preamble;
            list.EndsWithNewline = document.EndsWithNewline;
            list.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private static ListCounts CountParsed(ParsedTree tree)
    {
        var links = tree.Entries.SelectMany(e => e.Row.Links).ToList();
        return new ListCounts(
            tree.Sections.Count,
            tree.Entries.Count,
            tree.Entries.Count(e => e.ParentIndex is null),
            links.Count,
            links.Select(l => l.NormalizedUrl).Distinct().Count(),
            tree.Entries.Count(e => e.Row.Date is not null));
    }
}
