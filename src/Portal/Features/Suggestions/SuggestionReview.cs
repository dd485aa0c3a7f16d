using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Suggestions;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Domain.SavedCopies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>One waiting suggestion as the queue shows it; <paramref name="People"/> are the members behind it, "a
/// former member" for a removed account. <paramref name="HasCopy"/>: saved copies are on and the address has one
/// (the suggestion check saved it, or the list holds the same page), shown at <see cref="SuggestionExtractPage"/>.
/// </summary>
public sealed record QueuedSuggestion(long Id, string Url, int SectionId, string SectionTitle, string? Title,
    string? Description, string? Why, string Check, string AddressToUse, string? PageTitle, DateTimeOffset CreatedAt,
    IReadOnlyList<string> People, bool HasCopy = false);

/// <summary>
/// The editors' side: the queue, newest first, and the two decisions. Accepting adds the entry through the single
/// edit path (<see cref="EditUnit"/>, <see cref="EntryEditing.Add"/>) in the same transaction that marks the
/// suggestion decided; of two editors deciding at once, the second finds it decided and writes nothing.
/// </summary>
public sealed class SuggestionReview(IDbContextFactory<PortalDbContext> databases, EditUnit unit, TimeProvider time,
    SuggestionNotifier notifier, IOptions<SavedCopyOptions> savedCopies)
{
    public const string FormerMember = FormerMembers.Name;
    public const string AlreadyDecided = "Another editor has already decided this suggestion; nothing was changed.";

    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await db.Suggestions.CountAsync(s => s.State == SuggestionState.Pending, ct);
    }

    /// <summary>The waiting suggestion an editor opens to accept; null once decided (or never made).</summary>
    public async Task<QueuedSuggestion?> WaitingAsync(long id, CancellationToken ct = default) =>
        (await QueueAsync(1, id, ct)).SingleOrDefault();

    public async Task<List<QueuedSuggestion>> QueueAsync(int limit = 1_000, long? only = null,
        CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var rows = await db.Suggestions.AsNoTracking().Where(s => s.State == SuggestionState.Pending)
            .Where(s => only == null || s.Id == only)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(limit)
            .Select(s => new { Suggestion = s, Section = s.Section.Title }).ToListAsync(ct);
        var ids = rows.Select(r => r.Suggestion.Id).ToList();
        // One query for every member's name (a left join: a removed account's row has no user).
        var members = (await (from m in db.SuggestionMembers.Where(m => ids.Contains(m.SuggestionId))
                from u in db.Users.Where(u => u.Id == m.UserId).DefaultIfEmpty()
                orderby m.AddedAt
                select new { m.SuggestionId, Name = u == null ? null : u.UserName }).ToListAsync(ct))
            .ToLookup(m => m.SuggestionId, m => m.Name ?? FormerMember);
        var urls = rows.Select(r => r.Suggestion.NormalizedUrl).Distinct().ToList();
        var copied = savedCopies.Value.Enabled
            ? (await db.SavedCopies.Where(c => urls.Contains(c.NormalizedUrl)).Select(c => c.NormalizedUrl).Distinct()
                .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal)
            : [];
        return rows.Select(r => new QueuedSuggestion(r.Suggestion.Id, r.Suggestion.Url, r.Suggestion.SectionId,
            r.Section, r.Suggestion.Title, r.Suggestion.Description, r.Suggestion.Why,
            SuggestionCheck.Describe(r.Suggestion.CheckOutcome, r.Suggestion.CheckFinalUrl),
            SuggestionCheck.AddressToUse(r.Suggestion.Url, r.Suggestion.CheckOutcome, r.Suggestion.CheckFinalUrl),
            r.Suggestion.PageTitle, r.Suggestion.CreatedAt, members[r.Suggestion.Id].ToList(),
            copied.Contains(r.Suggestion.NormalizedUrl)))
            .ToList();
    }

    /// <summary>The latest saved copy of a suggestion's page (waiting or decided); null when copies are off or there
    /// is none.</summary>
    public async Task<(Suggestion Suggestion, SavedCopy Copy)?> ExtractAsync(long id, CancellationToken ct = default)
    {
        if (!savedCopies.Value.Enabled) return null;
        await using var db = await databases.CreateDbContextAsync(ct);
        var found = await (
            from s in db.Suggestions.AsNoTracking()
            where s.Id == id
            join c in LatestCopy.Each(db.SavedCopies.AsNoTracking()) on s.NormalizedUrl equals c.NormalizedUrl
            select new { Suggestion = s, Copy = c }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Suggestion, found.Copy);
    }

    /// <summary>Adds the entry (as the editor filled the add form in, <see cref="NewEntryForm"/>) and marks the
    /// suggestion accepted, in one edit: a suggestion is accepted only when its entry is saved.</summary>
    public async Task<EditOutcome> AcceptAsync(long id, NewEntryDraft draft, EditorIdentity editor,
        CancellationToken ct = default)
    {
        var people = (await WaitingAsync(id, ct))?.People ?? [];
        Suggestion? decided = null;
        var outcome = await unit.RunAsync(editor, async edit =>
        {
            // Claimed first: a second editor's claim waits for this row, then finds it decided.
            if (await ClaimAsync(edit.Db, id, SuggestionState.Accepted, editor, null, ct) == 0)
                return Edit.Refuse(AlreadyDecided);
            return await EntryEditing.Add(draft.SectionId, draft.ParentId, draft.Markdown, ct, draft.AllowDuplicate,
                place: draft.Place, credit: SuggestionCredit.Of(people, editor.UserName),
                added: async entry =>
                {
                    await edit.Db.Suggestions.Where(s => s.Id == id)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.AcceptedEntryId, entry.Id), ct);
                    decided = await edit.Db.Suggestions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
                })(edit);
        }, conflict: null, ct);
        if (outcome is EditOutcome.Saved && decided is not null)
            await notifier.DecidedAsync(decided, editor.UserName, ct);
        return outcome;
    }

    /// <summary>Declines with a reason the suggester reads; null when done, else what the editor is told.</summary>
    public async Task<string?> DeclineAsync(long id, string? reason, EditorIdentity editor,
        CancellationToken ct = default)
    {
        var why = Whitespace.CollapseOrNull(reason);
        if (why is null) return "Say why the suggestion is declined: the member who made it reads it.";
        if (TextField.Reason.Problem(why) is { } problem) return problem;
        await using var db = await databases.CreateDbContextAsync(ct);
        return await DeclineAsync(db, id, why, coveredBy: null, editor, ct);
    }

    /// <summary>Declines as "already covered by" an entry of the list, named by its link (<see
    /// cref="CoveringEntry"/>), which the member is shown; null when done, else what the editor is told.</summary>
    public async Task<string?> DeclineAsCoveredAsync(long id, string? entryLink, EditorIdentity editor,
        CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        if (await CoveringEntry.FindAsync(db, entryLink, ct) is not { } entry) return CoveringEntry.NotFound;
        return await DeclineAsync(db, id, $"{CoveredBy}“{entry.Name}”", entry.Id, editor, ct);
    }

    /// <summary>The start of the reason a suggestion declined as covered by an entry gives.</summary>
    public const string CoveredBy = "already covered by ";

    private async Task<string?> DeclineAsync(PortalDbContext db, long id, string why, long? coveredBy,
        EditorIdentity editor, CancellationToken ct)
    {
        if (await ClaimAsync(db, id, SuggestionState.Declined, editor, why, ct, coveredBy) == 0) return AlreadyDecided;
        await notifier.DecidedAsync(await db.Suggestions.AsNoTracking().SingleAsync(s => s.Id == id, ct),
            editor.UserName, ct);
        return null;
    }

    /// <summary>Decides a waiting suggestion in one statement: the rows changed, 0 when it was decided already.
    /// </summary>
    private Task<int> ClaimAsync(PortalDbContext db, long id, SuggestionState state, EditorIdentity editor,
        string? reason, CancellationToken ct, long? coveredBy = null)
    {
        var now = time.GetUtcNow();
        return db.Suggestions.Where(s => s.Id == id && s.State == SuggestionState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, state).SetProperty(s => s.DecidedAt, now)
                .SetProperty(s => s.DecidedBy, editor.UserName).SetProperty(s => s.DeclineReason, reason)
                .SetProperty(s => s.CoveredByEntryId, coveredBy), ct);
    }
}
