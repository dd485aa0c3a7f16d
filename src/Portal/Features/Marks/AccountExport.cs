using ContainerNetLib.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Marks;

/// <summary>
/// /account/export: what the portal keeps about one member, as JSON for them to take away. Each kind of personal data
/// is one part below; a feature that keeps more about a member adds its part here. Never another member's data: of a
/// suggestion this member only added their name to, the title, description and why are the first suggester's words,
/// and who decided it is an editor's name; both stay out.
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
        var suggestions = await SuggestionsAsync(db, userId, ct);
        return new ExportedAccount(user.UserName, user.Email, time.GetUtcNow(), visit, marks, later, suggestions);
    }

    private static async Task<List<ExportedSuggestion>> SuggestionsAsync(PortalDbContext db, string userId,
        CancellationToken ct)
    {
        var rows = await db.SuggestionMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Suggestions, m => m.SuggestionId, s => s.Id, (m, s) => new
            {
                s.Url, Section = s.Section.Title, s.Title, s.Description, s.Why, m.AddedAt, s.State, s.DecidedAt,
                s.DeclineReason, s.AcceptedEntryId,
                // The first row behind a suggestion is the member who made it (a removed account's row stays).
                MadeIt = !db.SuggestionMembers.Any(o => o.SuggestionId == s.Id && o.Id < m.Id),
            })
            .OrderByDescending(x => x.AddedAt).ToListAsync(ct);
        return rows.Select(x => new ExportedSuggestion(x.Url, x.Section, x.MadeIt ? x.Title : null,
            x.MadeIt ? x.Description : null, x.MadeIt ? x.Why : null, x.AddedAt, !x.MadeIt,
            x.State.ToString().ToLowerInvariant(), x.DecidedAt, x.DeclineReason, x.AcceptedEntryId)).ToList();
    }
}

public sealed record ExportedAccount(string? UserName, string? Email, DateTimeOffset ExportedAt, ExportedVisit? Visit,
    IReadOnlyList<ExportedMark> ReadMarks, IReadOnlyList<ExportedLater> ReadLater,
    IReadOnlyList<ExportedSuggestion> Suggestions);

public sealed record ExportedVisit(DateTimeOffset PreviousVisitEndedAt, DateTimeOffset LastSeenAt,
    DateTimeOffset? ReadAllAt);

public sealed record ExportedMark(long EntryId, string? Title, string? Url, bool Read, DateTimeOffset MarkedAt);

public sealed record ExportedLater(long EntryId, string? Title, string? Url, DateTimeOffset AddedAt);

/// <summary>A suggestion this member made or added their name to (<paramref name="NameAdded"/>), and its outcome.
/// </summary>
public sealed record ExportedSuggestion(string Url, string Section, string? Title, string? Description, string? Why,
    DateTimeOffset SuggestedAt, bool NameAdded, string State, DateTimeOffset? DecidedAt, string? DeclineReason,
    long? AcceptedEntryId);
