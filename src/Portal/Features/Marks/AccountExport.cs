using ContainerNetLib.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Marks;

/// <summary>
/// /account/export: what the portal keeps about one member, as JSON for them to take away. Each kind of personal data
/// is one part below; a feature that keeps more about a member (suggestions, issue 24 §1) adds its part here.
/// </summary>
public sealed class AccountExport(IDbContextFactory<PortalDbContext> databases, TimeProvider time)
{
    public async Task<ExportedAccount?> ExportAsync(string userId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var user = await db.Set<IdentityUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var visit = await db.MemberVisits.AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new ExportedVisit(v.PreviousVisitEndedAt, v.LastSeenAt, v.ReadAllAt)).SingleOrDefaultAsync(ct);
        // Retired entries too: the marks are the member's whether or not readers still see the entry.
        var marks = await db.ReadMarks.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Entries.IgnoreQueryFilters(), m => m.EntryId, e => e.Id, (m, e) => new { m, e })
            .OrderBy(x => x.e.Id)
            .Select(x => new ExportedMark(x.e.Id, x.e.Title, x.e.Url, x.m.Read, x.m.MarkedAt))
            .ToListAsync(ct);
        var later = await db.ReadLater.AsNoTracking().Where(l => l.UserId == userId)
            .Join(db.Entries.IgnoreQueryFilters(), l => l.EntryId, e => e.Id, (l, e) => new { l, e })
            .OrderByDescending(x => x.l.AddedAt)
            .Select(x => new ExportedLater(x.e.Id, x.e.Title, x.e.Url, x.l.AddedAt))
            .ToListAsync(ct);
        return new ExportedAccount(user.UserName, user.Email, time.GetUtcNow(), visit, marks, later);
    }
}

public sealed record ExportedAccount(string? UserName, string? Email, DateTimeOffset ExportedAt, ExportedVisit? Visit,
    IReadOnlyList<ExportedMark> ReadMarks, IReadOnlyList<ExportedLater> ReadLater);

public sealed record ExportedVisit(DateTimeOffset PreviousVisitEndedAt, DateTimeOffset LastSeenAt,
    DateTimeOffset? ReadAllAt);

public sealed record ExportedMark(long EntryId, string? Title, string? Url, bool Read, DateTimeOffset MarkedAt);

public sealed record ExportedLater(long EntryId, string? Title, string? Url, DateTimeOffset AddedAt);
