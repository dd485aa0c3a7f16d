using System.Security.Cryptography;
using System.Text;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts;

/// <summary>
/// Lockout per account and client address: <see cref="AccountRules.MaxFailedSignIns"/> wrong passwords for an
/// account from one address, each within <see cref="AccountRules.LockoutDuration"/> of the one before, lock that
/// address out of that account until the duration has passed since the last. Identity's own lockout counts per
/// account only, so anyone could lock the administrator out; here a guesser locks out only themselves, and the
/// per-address request limit slows them across accounts. Kept in PostgreSQL so that every portal replica counts
/// the same tries. Names that have no account are counted the same way, so the answers tell nothing.
/// </summary>
public static class SignInFailures
{
    public static Task<bool> IsLockedOutAsync(PortalDbContext db, string normalizedName, string clientAddress,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var account = Key(normalizedName);
        var since = now - AccountRules.LockoutDuration;
        return db.SignInFailures.AnyAsync(f => f.Account == account && f.ClientAddress == clientAddress
            && f.Failures >= AccountRules.MaxFailedSignIns && f.LastFailedAt > since, ct);
    }

    /// <summary>Counts one wrong password, in one statement so that tries at the same moment all count; and
    /// forgets the rows whose last failure is past the lockout duration.</summary>
    public static async Task RecordAsync(PortalDbContext db, string normalizedName, string clientAddress,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var account = Key(normalizedName);
        var since = now - AccountRules.LockoutDuration;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sign_in_failures AS f (account, client_address, failures, last_failed_at)
            VALUES ({account}, {clientAddress}, 1, {now})
            ON CONFLICT (account, client_address) DO UPDATE
            SET failures = CASE WHEN f.last_failed_at > {since} THEN f.failures + 1 ELSE 1 END,
                last_failed_at = {now}
            """, ct);
        await db.SignInFailures.Where(f => f.LastFailedAt <= since).ExecuteDeleteAsync(ct);
    }

    /// <summary>A right password from this address starts its count again.</summary>
    public static Task ForgetAsync(PortalDbContext db, string normalizedName, string clientAddress,
        CancellationToken ct = default)
    {
        var account = Key(normalizedName);
        return db.SignInFailures.Where(f => f.Account == account && f.ClientAddress == clientAddress)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>An administrator's unlock: every address may try this account again.</summary>
    public static Task ForgetAccountAsync(PortalDbContext db, string normalizedName, CancellationToken ct = default)
    {
        var account = Key(normalizedName);
        return db.SignInFailures.Where(f => f.Account == account).ExecuteDeleteAsync(ct);
    }

    /// <summary>What was typed as the account name is kept only as a hash: someone who types their password into
    /// the email field leaves no trace of it here.</summary>
    private static string Key(string normalizedName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedName)));
}
