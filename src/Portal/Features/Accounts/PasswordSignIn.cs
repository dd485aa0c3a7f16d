using System.Security.Cryptography;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// Signing in with a password so that nothing tells which accounts exist: the answer is one sentence whether the
/// account is missing, the password wrong or this address locked out of the account, and a password is hashed
/// every time, against a stand-in when the account has none (Identity's PasswordSignInAsync answers an unknown
/// name at once). Identity's own lockout is left out of it: it counts per account, so anyone could lock the
/// administrator out; failures count per account and client address instead (<see cref="SignInFailures"/>).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IPasswordHasher<IdentityUser> hasher,
    StandInPasswordHash standIn, PortalDbContext db, TimeProvider time)
{
    public const string Refusal =
        "The email or password is not right, or the account is locked for a while after too many tries.";

    /// <summary>Signs the browser in, or answers false after the same work as for any other refusal.</summary>
    public async Task<bool> SignInAsync(string email, string password, HttpContext context)
    {
        var ct = context.RequestAborted;
        var name = users.NormalizeName(email);
        var address = ClientAddress.Of(context);
        var now = time.GetUtcNow();
        var user = await users.FindByNameAsync(email);
        var lockedOut = await SignInFailures.IsLockedOutAsync(db, name, address, now, ct);
        var right = user?.PasswordHash is not null
            ? await users.CheckPasswordAsync(user, password)
            : standIn.Check(hasher, password);
        // An administrator's lock on the account (Identity's LockoutEnd) still holds.
        if (right && !lockedOut && await signIn.CanSignInAsync(user!) && !await users.IsLockedOutAsync(user!))
        {
            await SignInFailures.ForgetAsync(db, name, address, ct);
            await signIn.SignInAsync(user!, isPersistent: false, authenticationMethod: "pwd");
            return true;
        }
        // Tries while locked out are not counted: the lock ends its duration after the try that set it.
        if (!right && !lockedOut) await SignInFailures.RecordAsync(db, name, address, now, ct);
        return false;
    }
}

/// <summary>
/// What a password is checked against when the account named has none (no such account, or one that signs in only
/// through the provider): a hash of a random password, made once at start-up by the same hasher with the same
/// settings as every stored one, so the check costs what a real one costs and never succeeds.
/// </summary>
public sealed class StandInPasswordHash(IOptions<PasswordHasherOptions> options) : IHostedService
{
    private static readonly IdentityUser Nobody = new();
    private readonly Lazy<string> _hash = new(() => new PasswordHasher<IdentityUser>(options)
        .HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));

    public bool Check(IPasswordHasher<IdentityUser> hasher, string password)
    {
        hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
        return false;
    }

    // Made now rather than at the first sign-in, whose answer would otherwise take two hashes' time.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _hash.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
