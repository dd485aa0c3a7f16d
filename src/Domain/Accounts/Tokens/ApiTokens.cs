using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Tokens;

/// <summary>One token as its owner and administrators see it; never its secret.</summary>
public sealed record TokenRow(
    long Id, string UserId, string Owner, string Name, TokenScope Scope,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool ActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A token that was presented, checked and found good: who owns it and their roles today.</summary>
public sealed record ValidToken(
    long Id, string Name, TokenScope Scope, string UserId, string UserName, IReadOnlyList<string> Roles);

/// <summary>Making, listing, revoking and checking personal API tokens, for the page and the command line.</summary>
public static class ApiTokens
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>Why a new token's settings are refused, or null when they are fine.</summary>
    public static string? Problem(string? name, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Give the token a name, for example the script that will use it.";
        if (TextField.TokenName.Problem(name.Trim()) is { } problem) return problem;
        if (expiresAt <= now) return "The expiry must be in the future.";
        if (expiresAt > now + MaxLifetime + TimeSpan.FromDays(1)) return "A token lives at most one year (365 days).";
        return null;
    }

    /// <summary>Stores a new token and returns its text, which exists nowhere else afterwards.</summary>
    public static async Task<(TokenRow Row, string Token)> CreateAsync(PortalDbContext db, string userId, string name,
        TokenScope scope, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct = default)
    {
        if (Problem(name, expiresAt, now) is { } problem) throw new ArgumentException(problem, nameof(name));
        var secret = TokenSecret.NewSecret();
        var token = new ApiToken
        {
            UserId = userId, Name = name.Trim(), Scope = scope, SecretHash = TokenSecret.Hash(secret),
            CreatedAt = now, ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        var owner = await db.Users.Where(u => u.Id == userId).Select(u => u.Email ?? u.UserName
            ?? u.Id).SingleAsync(ct);
        var row = new TokenRow(token.Id, userId, owner, token.Name, scope, now, expiresAt, null, null);
        return (row, TokenSecret.Format(token.Id, secret));
    }

    /// <summary>Every token, or one user's, newest first.</summary>
    public static Task<List<TokenRow>> ListAsync(PortalDbContext db, string? userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking()
            .Where(t => userId == null || t.UserId == userId)
            .OrderByDescending(t => t.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TokenRow(
                t.Id, t.UserId, u.Email ?? u.UserName ?? u.Id, t.Name, t.Scope,
                t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    /// <summary>Revokes a token of <paramref name="ownerId"/> (anyone's when null); false when none is
    /// revoked.</summary>
    public static async Task<bool> RevokeAsync(PortalDbContext db, long id, string? ownerId, DateTimeOffset now,
        CancellationToken ct = default) =>
        await db.ApiTokens
            .Where(t => t.Id == id && t.RevokedAt == null && (ownerId == null || t.UserId == ownerId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), ct) > 0;

    /// <summary>
    /// The token behind a presented text when it is well formed, its secret matches, and it is neither revoked nor
    /// expired; its owner's roles are read now, so a demoted owner's token is demoted too. Records the use.
    /// </summary>
    public static async Task<ValidToken?> CheckAsync(PortalDbContext db, string? presented, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (!TokenSecret.TryParse(presented, out var id, out var secret)) return null;
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.Name, t.Scope, t.SecretHash, t.ExpiresAt, t.RevokedAt, t.UserId })
            .SingleOrDefaultAsync(ct);
        if (token is null || !TokenSecret.Matches(secret, token.SecretHash)) return null;
        if (token.RevokedAt is not null || token.ExpiresAt <= now) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId)
            .Select(u => new
            {
                Name = u.Email ?? u.UserName ?? u.Id,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (user is null) return null;
        await db.ApiTokens.Where(t => t.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), ct);
        return new ValidToken(id, token.Name, token.Scope, token.UserId, user.Name, user.Roles);
    }
}
