using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Sessions;

/// <summary>Which browser a session is, as its owner sees it in their list of sessions.</summary>
public sealed record SessionClient(string? UserAgent, string? Address);

/// <summary>A live session found by its key.</summary>
public sealed record LiveSession(long Id, string UserId);

/// <summary>One session in its owner's list.</summary>
public sealed record SessionRow(long Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt,
    string? UserAgent, string? Address);

/// <summary>
/// Signed-in sessions kept in PostgreSQL, one row per sign-in. A session's key is <c>{id}_{secret}</c> (written like a
/// feed key): the id finds the row, the secret's SHA-256 is compared in constant time. A session ends when its row
/// goes: at sign-out, from the owner's list, when the account's sessions are ended (<see cref="EndAllAsync"/>), when
/// the account is removed (the foreign key cascades), or when it has not been used for <see cref="Lifetime"/>.
/// </summary>
public static class SignInSessions
{
    public const int MaxUserAgentLength = 300;
    public const int MaxAddressLength = 64;

    /// <summary>How long an unused session lives; each use (noted at most once a minute) starts it again, like the
    /// sign-in cookie's own sliding expiry.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>"Last seen" is written at most this often per session, so a busy reader costs no write per
    /// request.</summary>
    public static readonly TimeSpan LastSeenEvery = TimeSpan.FromMinutes(1);

    private const string NoPrefix = "";

    /// <summary>Stores a new session and returns its key, which exists nowhere else but in the cookie.</summary>
    public static async Task<string> StartAsync(PortalDbContext db, string userId, SessionClient client,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var secret = TokenSecret.NewSecret();
        var session = new SignInSession
        {
            UserId = userId, SecretHash = TokenSecret.Hash(secret), StartedAt = now, LastSeenAt = now,
            ExpiresAt = ExpiryAfter(now), UserAgent = Capped(client.UserAgent, MaxUserAgentLength),
            Address = Capped(client.Address, MaxAddressLength),
        };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return TokenSecret.Format(session.Id, secret, NoPrefix);
    }

    /// <summary>
    /// The live session behind a key, or null for a key that is malformed, unknown, ended or expired. Notes the visit
    /// (time, browser, address, and a new expiry) when the last one noted is a minute old or more.
    /// </summary>
    public static async Task<LiveSession?> CheckAsync(PortalDbContext db, string? key, SessionClient client,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (!TokenSecret.TryParse(key, out var id, out var secret, NoPrefix)) return null;
        var session = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == id && s.ExpiresAt > now)
            .Select(s => new { s.UserId, s.SecretHash, s.LastSeenAt })
            .SingleOrDefaultAsync(ct);
        if (session is null || !TokenSecret.Matches(secret, session.SecretHash)) return null;
        if (now - session.LastSeenAt >= LastSeenEvery)
        {
            var noted = now - LastSeenEvery;
            var userAgent = Capped(client.UserAgent, MaxUserAgentLength);
            var address = Capped(client.Address, MaxAddressLength);
            var expiresAt = ExpiryAfter(now);
            // Several requests at once: the first one's update wins, the others match no row.
            await db.SignInSessions.Where(s => s.Id == id && s.LastSeenAt <= noted).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastSeenAt, now)
                .SetProperty(s => s.ExpiresAt, expiresAt)
                .SetProperty(s => s.UserAgent, userAgent)
                .SetProperty(s => s.Address, address), ct);
        }
        return new LiveSession(id, session.UserId);
    }

    /// <summary>Signing out: ends the session the key names.</summary>
    public static async Task<bool> EndAsync(PortalDbContext db, string? key, CancellationToken ct = default)
    {
        if (!TokenSecret.TryParse(key, out var id, out var secret, NoPrefix)) return false;
        var hash = TokenSecret.Hash(secret);
        return await db.SignInSessions.Where(s => s.Id == id && s.SecretHash == hash).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>Ends one of <paramref name="userId"/>'s sessions (from their list); false when it is not theirs or
    /// already ended.</summary>
    public static async Task<bool> EndAsync(PortalDbContext db, string userId, long id,
        CancellationToken ct = default) =>
        await db.SignInSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>
    /// Ends every session of the account, at once: its next request, in any process, is signed out. The one place
    /// this happens; Identity's user store calls it whenever the account's security stamp or roles change
    /// (<see cref="SessionEndingUserStore"/>).
    /// </summary>
    public static Task<int> EndAllAsync(PortalDbContext db, string userId, CancellationToken ct = default) =>
        db.SignInSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Whether the session a key names is still live, without noting a visit (a long-lived page asking
    /// before it acts).</summary>
    public static async Task<bool> IsAliveAsync(PortalDbContext db, string? key, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (!TokenSecret.TryParse(key, out var id, out var secret, NoPrefix)) return false;
        var hash = TokenSecret.Hash(secret);
        return await db.SignInSessions.AnyAsync(s => s.Id == id && s.SecretHash == hash && s.ExpiresAt > now, ct);
    }

    /// <summary>The session id in a key (to mark "this browser" in a list), or null for no key.</summary>
    public static long? IdOf(string? key) => TokenSecret.TryParse(key, out var id, out _, NoPrefix) ? id : null;

    /// <summary>The account's live sessions, the most recently seen first.</summary>
    public static Task<List<SessionRow>> OfAsync(PortalDbContext db, string userId, DateTimeOffset now,
        CancellationToken ct = default) =>
        db.SignInSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.StartedAt, s.LastSeenAt, s.ExpiresAt, s.UserAgent, s.Address))
            .ToListAsync(ct);

    /// <summary>Removes expired sessions (ended ones are already gone); safe to run twice.</summary>
    public static Task<int> RemoveExpiredAsync(PortalDbContext db, DateTimeOffset now,
        CancellationToken ct = default) =>
        db.SignInSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);

    // A minute past the lifetime: "last seen" is noted a minute late at most, the cookie's expiry never is.
    private static DateTimeOffset ExpiryAfter(DateTimeOffset now) => now + Lifetime + LastSeenEvery;

    private static string? Capped(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];
}
