using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Suggestions;

/// <summary>
/// A removed account in the suggestions it touched: the rows stay (the link may still be worth reviewing, the decision
/// still stands) but the name goes. The members behind a suggestion lose theirs through the foreign key; the editor who
/// decided one is kept by name, so that name is replaced here.
/// </summary>
public static class FormerMembers
{
    public const string Name = "a former member";

    public static Task ForgetDeciderAsync(PortalDbContext db, string? userName, CancellationToken ct) =>
        userName is null
            ? Task.CompletedTask
            : db.Suggestions.Where(s => s.DecidedBy == userName)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.DecidedBy, Name), ct);
}
