using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// Keeps a URL's copies: a new version only when the text's hash differs from the latest, at most
/// SavedCopies:VersionsKept of them; a refusal in place of copies when the page asked not to be archived.
/// </summary>
public static class SavedCopyStore
{
    /// <summary>Stores what one fetch of the page came to; says whether that was a new version.</summary>
    public static async Task<CopySaveResult> SaveAsync(PortalDbContext db, CopyTarget target, string finalUrl,
        PageExtract extract, DateTimeOffset now, int versionsKept, CancellationToken ct)
    {
        if (extract.Refusal is { } reason) return await RefuseAsync(db, target, reason, now, ct);
        var latest = await LatestCopy.Of(db.SavedCopies.AsNoTracking(), target.NormalizedUrl)
            .FirstOrDefaultAsync(ct);
        var hash = CopyText.Hash(extract.Text);
        await db.CopyRefusals.Where(r => r.NormalizedUrl == target.NormalizedUrl).ExecuteDeleteAsync(ct);
        if (latest?.ContentHash == hash) return new(CopySaveKind.Unchanged, latest, latest);

        var copy = new SavedCopy
        {
            NormalizedUrl = target.NormalizedUrl,
            Number = (latest?.Number ?? 0) + 1,
            SavedAt = now,
            Url = target.Url,
            FinalUrl = finalUrl,
            Host = target.Host,
            Kind = extract.Kind,
            Title = extract.Title,
            Byline = extract.Byline,
            Published = extract.Published,
            LeadImageUrl = extract.LeadImageUrl,
            Text = extract.Text,
            ContentHash = hash,
            WordCount = CopyText.WordCount(extract.Text),
            Truncated = extract.Truncated,
        };
        db.SavedCopies.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Another job saved this URL's next version at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return new(CopySaveKind.Unchanged, latest, latest);
        }
        await PruneAsync(db, target.NormalizedUrl, versionsKept, ct);
        return new(CopySaveKind.New, latest, copy);
    }

    /// <summary>Deletes a URL's versions beyond the newest <paramref name="versionsKept"/>; null URL: every
    /// URL's.</summary>
    public static Task<int> PruneAsync(PortalDbContext db, string? normalizedUrl, int versionsKept,
        CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM saved_copies c
            WHERE ({normalizedUrl}::text IS NULL OR c.normalized_url = {normalizedUrl})
              AND c.number <= (SELECT s.number FROM saved_copies s WHERE s.normalized_url = c.normalized_url
                                ORDER BY s.number DESC OFFSET {versionsKept} LIMIT 1)
            """, ct);

    private static async Task<CopySaveResult> RefuseAsync(PortalDbContext db, CopyTarget target,
        CopyRefusalReason reason, DateTimeOffset now, CancellationToken ct)
    {
        var detail = reason switch
        {
            CopyRefusalReason.NoArchive => "the page asks not to be archived (noarchive)",
            CopyRefusalReason.TooLarge => "the page is larger than SavedCopies:MaxPageBytes",
            _ => "no readable text in the page (empty, damaged, scanned, or nested too deep to read)",
        };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO copy_refusals (normalized_url, reason, decided_at, detail)
            VALUES ({target.NormalizedUrl}, {reason.ToString()}, {now}, {detail})
            ON CONFLICT (normalized_url) DO UPDATE SET reason = excluded.reason, decided_at = excluded.decided_at,
                detail = excluded.detail
            """, ct);
        // A page that asks not to be archived keeps no earlier copy either; a page grown too large keeps its last.
        var deleted = reason == CopyRefusalReason.NoArchive
            ? await db.SavedCopies.Where(c => c.NormalizedUrl == target.NormalizedUrl).ExecuteDeleteAsync(ct)
            : 0;
        return new(deleted > 0 ? CopySaveKind.Deleted : CopySaveKind.Refused, null, null);
    }
}

/// <summary>The link a copy is for, as the run has it.</summary>
public sealed record CopyTarget(string Url, string NormalizedUrl, string Host);

/// <param name="Previous">The latest copy before this save (null for a URL's first).</param>
/// <param name="Current">The latest copy after it (null when refused).</param>
public sealed record CopySaveResult(CopySaveKind Kind, SavedCopy? Previous, SavedCopy? Current);

public enum CopySaveKind
{
    New,
    Unchanged,
    Refused,
    /// <summary>Refused, and the URL's earlier copies deleted (noarchive).</summary>
    Deleted,
}
