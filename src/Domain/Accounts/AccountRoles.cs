using Microsoft.AspNetCore.Identity;

namespace ContainerNetLib.Domain.Accounts;

/// <summary>Changing an account's role, the same way from the users page, the importer and single sign-on.</summary>
public static class AccountRoles
{
    /// <summary>
    /// Gives the account exactly <paramref name="role"/>, or no role (a reader) when it is null, making the role first
    /// where the database has none yet. A change signs the account out everywhere (its sessions end,
    /// SessionEndingUserStore) and gives it a new security stamp, which open interactive pages compare.
    /// </summary>
    public static async Task<IdentityResult> SetAsync(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles,
        IdentityUser user, string? role)
    {
        var held = await users.GetRolesAsync(user);
        var unchanged = role is null ? held.Count == 0 : held.Count == 1 && held.Contains(role);
        if (unchanged) return IdentityResult.Success;
        if (held.Count > 0 && await users.RemoveFromRolesAsync(user, held) is { Succeeded: false } removed)
            return removed;
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role)
                && await roles.CreateAsync(new IdentityRole(role)) is { Succeeded: false } created) return created;
            if (await users.AddToRoleAsync(user, role) is { Succeeded: false } added) return added;
        }
        return await users.UpdateSecurityStampAsync(user);
    }
}
