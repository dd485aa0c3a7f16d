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

    public Task<ImportSummary> ImportAsync(
        ParseResult parsed, bool dryRun, IProgress<string>? progress = null, CancellationToken ct = default) =>
        ImportAsync(() => parsed, dryRun, progress, ct);

    /// <summary>
    /// Parses (on the thread pool) while the stored state is read: the two need nothing from each
    /// other, and on a large list each takes seconds.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(
        Func<ParseResult> parse, bool dryRun, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        try
        {
            return await ApplyAsync(parse, dryRun, progress, ct);
        }
        catch
        {
            // Counted so that a dashboard shows imports failing, not only imports stopping.
            Telemetry.PortalMetrics.Imported("failed");
            throw;
        }
    }

    private async Task<ImportSummary> ApplyAsync(
        Func<ParseResult> parse, bool dryRun, IProgress<string>? progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var parsing = Task.Run(() =>
        {
            var result = parse();
            return (Result: result, Tree: ParsedTree.From(result.Document));
        }, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({ImportLockId})", ct);
        var sections = new SectionSync(db, now);
        await sections.LoadAsync(ct);
        var stored = await StoredTree.LoadEntriesAsync(db, sections.StoredKeys, ct);

        var (parsed, tree) = await parsing;
        progress?.Report("Comparing sections");
        var listChanged = await UpsertListAsync(parsed.Document, now, ct);
        var sectionIds = await sections.ApplyAsync(tree, ct);

        progress?.Report("Comparing entries");
        var plan = EntryPlan.Match(tree, stored, sectionIds, now);

        progress?.Report($"Writing {plan.Added.Count} new and {plan.Changed.Count} changed entries");
        var writes = new EntryWrites(db);
        plan.Complete(await writes.ReserveIdsAsync(plan.Added.Count, ct));
        var bulk = plan.Added.Count >= BulkLoad.Threshold ? new BulkLoad(db) : null;
        if (bulk is not null) await bulk.SuspendAsync(ct);
        await writes.InsertAsync(plan.Added, ct);
        await writes.InsertLinksAsync(plan.Added, ct);
        // Deletes rely on the foreign keys' cascades, so they come after the keys are back.
        if (bulk is not null) await bulk.RecreateIndexesAsync(ct);
        await writes.UpdateAsync(plan.Changed, ct);
        await writes.DeleteAsync(plan.Removed, ct);
        await writes.ReplaceLinksAsync(plan.LinksChanged, ct);
        await sections.DeleteRemovedAsync(ct);
        if (plan.Added.Count + plan.ChangedCount + plan.Removed.Count > 0 || sections.Changes != new SectionChanges(0,
            0, 0) || listChanged)
        {
            await ContentRevision.RecordChangeAsync(db, ct);
        }

        var summary = new ImportSummary(
            dryRun ? CountParsed(tree) : await ListStatistics.CountAsync(db, ct),
            plan.Added.Count, plan.ChangedCount, plan.Removed.Count, plan.Unchanged,
            sections.Changes, parsed.Warnings, dryRun) { Census = parsed.Census };
        if (dryRun) await transaction.RollbackAsync(ct);
        else await transaction.CommitAsync(ct);
        if (dryRun) Telemetry.PortalMetrics.Imported("dry_run");
        else Telemetry.PortalMetrics.Imported("applied", plan.Added.Count, plan.ChangedCount, plan.Removed.Count);
        return summary;
    }

    private async Task<bool> UpsertListAsync(ListDocument document, DateTimeOffset now, CancellationToken ct)
    {
        var list = await db.ReadingLists.SingleOrDefaultAsync(ct);
        if (list is null)
        {
            list = new ReadingList { Preamble = document.Preamble, EndsWithNewline = document.EndsWithNewline };
            db.ReadingLists.Add(list);
        }
        var envelopeChanged = StoredEnvelope.Store(list, document.Envelope);
        var changed = db.Entry(list).State == EntityState.Added || envelopeChanged || list.Preamble != document.Preamble
            || list.EndsWithNewline != document.EndsWithNewline;
        if (changed)
        {
            list.Preamble = document.Preamble;
            list.EndsWithNewline = document.EndsWithNewline;
            list.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return changed;
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
