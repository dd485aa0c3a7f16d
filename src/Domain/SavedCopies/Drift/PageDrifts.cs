using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.SavedCopies.Drift;

/// <summary>Records pages that turned into something else, from what a copy's save came to.</summary>
public static class PageDrifts
{
    /// <summary>
    /// Compares a new version of a page with the copy before it; stores an alert when the rule says it is another
    /// page now. While an alert for the URL is open, a newer version updates its new side only: the old side stays
    /// the page the entry was written for. Returns the finding, or null when the page is still itself.
    /// </summary>
    public static async Task<PageDriftFinding?> RecordAsync(PortalDbContext db, CopySaveResult saved,
        double threshold, DateTimeOffset now, CancellationToken ct)
    {
        if (saved is not { Kind: CopySaveKind.New, Previous: { } before, Current: { } after }) return null;
        var finding = PageDriftRule.Compare(Side(before), Side(after), threshold, PublicSuffixList.Default);
        if (finding is null) return null;
        var reason = finding.Reason.ToString();
        var oldParagraph = CopyText.FirstParagraph(before.Text);
        var newParagraph = CopyText.FirstParagraph(after.Text);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO page_drifts (normalized_url, url, reason, similarity, old_title, old_paragraph, old_final_url,
                new_title, new_paragraph, new_final_url, detected_at)
            VALUES ({after.NormalizedUrl}, {after.Url}, {reason}, {finding.Similarity}, {before.Title},
                {oldParagraph}, {before.FinalUrl}, {after.Title}, {newParagraph}, {after.FinalUrl}, {now})
            ON CONFLICT (normalized_url) WHERE resolved_at IS NULL DO UPDATE SET reason = excluded.reason,
                similarity = excluded.similarity, new_title = excluded.new_title,
                new_paragraph = excluded.new_paragraph, new_final_url = excluded.new_final_url,
                detected_at = excluded.detected_at
            """, ct);
        return finding;
    }

    private static PageSide Side(SavedCopy copy) => new(copy.Title, copy.Text, copy.FinalUrl);
}
