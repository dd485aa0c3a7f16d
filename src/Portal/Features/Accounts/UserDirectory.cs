using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>One row of the users table an administrator sees.</summary>
public sealed record UserRow(string Id, string Email, string Role, bool LockedOut);

/// <summary>
/// The users table in one query, roles and lockout included: Identity's UserManager answers those
/// with two more queries per user.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<PortalDbContext> databases, TimeProvider time)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        // The rule Identity's IsLockedOutAsync applies: lockout enabled and its end still ahead.
        var now = time.GetUtcNow();
        var users = await db.Users
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.UserName,
                LockedOut = u.LockoutEnabled && u.LockoutEnd != null && u.LockoutEnd >= now,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .OrderBy(name => name)
                    .ToList(),
            })
            .ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, string.Join(", ", u.Roles),
            u.LockedOut)).ToList();
    }
}
