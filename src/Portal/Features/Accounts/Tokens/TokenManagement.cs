using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Accounts.Tokens;

/// <summary>The tokens page's operations, each with its own short-lived context (the page's circuit lives for hours).
/// </summary>
public sealed class TokenManagement(IDbContextFactory<PortalDbContext> databases, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>One user's tokens, or everyone's when <paramref name="userId"/> is null.</summary>
    public async Task<List<TokenRow>> ListAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await ApiTokens.ListAsync(db, userId, ct);
    }

    /// <summary>The new token's text, or why it was refused.</summary>
    public async Task<(string? Token, string? Problem)> CreateAsync(string userId, string? name, TokenScope scope,
        int days, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var expires = now.AddDays(days);
        if (ApiTokens.Problem(name, expires, now) is { } problem) return (null, problem);
        await using var db = await databases.CreateDbContextAsync(ct);
        return ((await ApiTokens.CreateAsync(db, userId, name!, scope, expires, now, ct)).Token, null);
    }

    /// <summary>Revokes one of the owner's tokens; anyone's when <paramref name="ownerId"/> is null (administrators).
    /// </summary>
    public async Task<bool> RevokeAsync(long id, string? ownerId, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await ApiTokens.RevokeAsync(db, id, ownerId, time.GetUtcNow(), ct);
    }
}
