using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Suggestions;

/// <summary>
/// A removed account in the suggestions it touched: the rows stay (the link may still be worth reviewing, the decision
/// still stands) but the name goes. The members behind a suggestion lose theirs through the foreign key; the editor who
/// decided one is kept by name, so that name is replaced here, as is a member's name in the history of the entries
/// their suggestions became (<see cref="SuggestionCredit"/>).
/// </summary>
public static class FormerMembers
{
    public const string Name = "a former member";

    public static Task ForgetDeciderAsync(PortalDbContext db, string? userName, CancellationToken ct) =>
        userName is null
            ? Task.CompletedTask
            : db.Suggestions.Where(s => s.DecidedBy == userName)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.DecidedBy, Name), ct);

    /// <summary>The entries the member's accepted suggestions became: asked before the account goes (its membership
    /// rows lose the account with it).</summary>
    public static Task<List<long>> CreditedEntriesAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        db.Suggestions.Where(s => s.AcceptedEntryId != null && s.Members.Any(m => m.UserId == userId))
            .Select(s => s.AcceptedEntryId!.Value).ToListAsync(ct);

    /// <summary>"a former member" for <paramref name="userName"/> in the credit of those entries' "added" history.
    /// </summary>
    public static async Task ForgetSuggesterAsync(PortalDbContext db, IReadOnlyCollection<long> entryIds,
        string? userName, CancellationToken ct)
    {
        if (userName is null || entryIds.Count == 0) return;
        var changes = await db.ContentChanges.Where(c => c.EntryId != null && entryIds.Contains(c.EntryId.Value)
            && c.Action == "added").ToListAsync(ct);
        foreach (var change in changes) change.Summary = SuggestionCredit.Forget(change.Summary, userName);
        await db.SaveChangesAsync(ct);
    }
}
