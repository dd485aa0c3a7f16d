using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>Records pages that turned into something else, from what a copy's save came to.</summary>
public static class PageDrifts
{
    /// <summary>
    /// Compares a new version of a page with the copy before it, or an unchanged text with the address it now ends
    /// at (<paramref name="fetchedFinalUrl"/>); stores an alert when the rule says it is another page now. While an
    /// alert for the URL is open, a newer version updates its new side only: the old side stays the page the entry
    /// was written for. Returns the finding, or null when the page is still itself.
    /// </summary>
    public static async Task<PageDriftFinding?> RecordAsync(PortalDbContext db, CopySaveResult saved,
        string fetchedFinalUrl, double threshold, DateTimeOffset now, CancellationToken ct)
    {
        var (before, after, copy) = saved switch
        {
            { Kind: CopySaveKind.New, Previous: { } previous, Current: { } current } =>
                (Side(previous), Side(current), current),
            // The same words served from another site (the blog moved, or its text copied onto a bought domain):
            // no new version, but a new address.
            { Kind: CopySaveKind.Unchanged, Current: { } current } when current.FinalUrl != fetchedFinalUrl =>
                (Side(current), Side(current) with { FinalUrl = fetchedFinalUrl }, current),
            _ => (null, null, null),
        };
        if (before is null || after is null || copy is null) return null;
        var finding = PageDriftRule.Compare(before, after, threshold, PublicSuffixList.Default);
        if (saved.Kind == CopySaveKind.Unchanged)
            // The copy says where its text is read now, so that the same move is noticed once, not every night.
            await db.SavedCopies.Where(c => c.Id == copy.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.FinalUrl, fetchedFinalUrl), ct);
        if (finding is null) return null;
        var reason = finding.Reason.ToString();
        var oldParagraph = CopyText.FirstParagraph(before.Text);
        var newParagraph = CopyText.FirstParagraph(after.Text);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO page_drifts (normalized_url, url, reason, similarity, old_title, old_paragraph, old_final_url,
                new_title, new_paragraph, new_final_url, detected_at)
            VALUES ({copy.NormalizedUrl}, {copy.Url}, {reason}, {finding.Similarity}, {before.Title},
                {oldParagraph}, {before.FinalUrl}, {after.Title}, {newParagraph}, {after.FinalUrl}, {now})
            ON CONFLICT (normalized_url) WHERE resolved_at IS NULL DO UPDATE SET new_title = excluded.new_title,
                new_paragraph = excluded.new_paragraph, new_final_url = excluded.new_final_url
            """, ct);
        return finding;
    }

    private static PageSide Side(SavedCopy copy) => new(copy.Title, copy.Text, copy.FinalUrl);
}
