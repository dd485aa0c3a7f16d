using System.Security.Cryptography;
using System.Text;
using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Feeds;

/// <summary>
/// Personal feed keys, written <c>{id}_{secret}</c> (the secret 256 random bits, like an API token's). Kept as
/// they are, not hashed, so the account page can show the feed addresses again: a key reads only what the
/// database holding it already holds. The id finds the row; the secret is compared in constant time.
/// </summary>
public static class FeedKeys
{
    /// <summary>The account's key, made the first time it is asked for.</summary>
    public static async Task<string> OfAsync(PortalDbContext db, string userId, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var key = await db.FeedKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId, ct);
        if (key is not null) return Format(key);
        key = new FeedKey { UserId = userId, Secret = TokenSecret.NewSecret(), CreatedAt = now };
        db.FeedKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
            return Format(key);
        }
        catch (DbUpdateException)
        {
            // Two first visits at once: the other one's key stands.
            db.ChangeTracker.Clear();
            return Format(await db.FeedKeys.AsNoTracking().SingleAsync(k => k.UserId == userId, ct));
        }
    }

    /// <summary>A new secret for the account: every address made with the old key stops working.</summary>
    public static async Task<string> ReplaceAsync(PortalDbContext db, string userId, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var secret = TokenSecret.NewSecret();
        // An account without a key yet gets its first one.
        await db.FeedKeys.Where(k => k.UserId == userId).ExecuteUpdateAsync(set => set
            .SetProperty(k => k.Secret, secret).SetProperty(k => k.CreatedAt, now), ct);
        return await OfAsync(db, userId, now, ct);
    }

    /// <summary>The account a presented key belongs to, or null for a key that is malformed, unknown or
    /// replaced.</summary>
    public static async Task<string?> OwnerAsync(PortalDbContext db, string? presented, CancellationToken ct = default)
    {
        if (!TokenSecret.TryParse(presented, out var id, out var secret, NoPrefix)) return null;
        var key = await db.FeedKeys.AsNoTracking().Where(k => k.Id == id)
            .Select(k => new { k.UserId, k.Secret }).SingleOrDefaultAsync(ct);
        return key is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(secret), Encoding.ASCII.GetBytes(key.Secret)) ? key.UserId : null;
    }

    /// <summary>A feed key is written like an API token without its prefix.</summary>
    private const string NoPrefix = "";

    private static string Format(FeedKey key) => TokenSecret.Format(key.Id, key.Secret, NoPrefix);
}
