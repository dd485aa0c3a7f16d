using ContainerNetLib.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>
/// What an administrator does to accounts on /admin/users, each in its own scope (the page's circuit lives for
/// hours; Identity's stores should not hold one context that long). Each answers null when done, or the sentence
/// saying why not. Ending an account's sessions is the user store's part (SessionEndingUserStore): a new password,
/// a new role and "end sessions" all sign the account out everywhere at once; a removed account's sessions go with it.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes)
{
    /// <summary>The choice on the page for an account without a role: it may read a private list, nothing more.
    /// </summary>
    public const string Reader = "Reader";

    public Task<string?> AddAsync(string email, string password, string role) => WithUsersAsync(async (users, _) =>
    {
        if (await users.FindByEmailAsync(email) is not null) return $"{email} already has an account.";
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Errors(created);
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? null : Errors(added);
    });

    public Task<string?> RemoveAsync(string id) => WithUsersAsync(async (users, _) =>
    {
        if (await users.FindByIdAsync(id) is not { } user) return "That user no longer exists.";
        if (await IsLastAdministratorAsync(users, user)) return "This is the last administrator: add another first.";
        var removed = await users.DeleteAsync(user);
        return removed.Succeeded ? null : Errors(removed);
    });

    public Task<string?> ResetPasswordAsync(string id, string password) => WithUsersAsync(async (users, _) =>
    {
        if (await users.FindByIdAsync(id) is not { } user) return "That user no longer exists.";
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        return reset.Succeeded ? null : Errors(reset);
    });

    /// <summary>Makes the account an Admin, an Editor or a <see cref="Reader"/> (no role).</summary>
    public Task<string?> ChangeRoleAsync(string id, string role) => WithUsersAsync(async (users, roles) =>
    {
        var canonical = role == Reader ? null : Roles.Find(role);
        if (canonical is null && role != Reader) return $"There is no role '{role}'.";
        if (await users.FindByIdAsync(id) is not { } user) return "That user no longer exists.";
        if (canonical != Roles.Admin && await IsLastAdministratorAsync(users, user))
            return "This is the last administrator: make another one first.";
        var set = await AccountRoles.SetAsync(users, roles, user, canonical);
        return set.Succeeded ? null : Errors(set);
    });

    /// <summary>Signs the account out of every browser at once (a lost laptop, a shared computer).</summary>
    public Task<string?> EndSessionsAsync(string id) => WithUsersAsync(async (users, _) =>
    {
        if (await users.FindByIdAsync(id) is not { } user) return "That user no longer exists.";
        var ended = await users.UpdateSecurityStampAsync(user);
        return ended.Succeeded ? null : Errors(ended);
    });

    public Task<string?> UnlockAsync(string id) => WithUsersAsync(async (users, _) =>
    {
        if (await users.FindByIdAsync(id) is { } user) await users.SetLockoutEndDateAsync(user, null);
        return null;
    });

    private async Task<string?> WithUsersAsync(
        Func<UserManager<IdentityUser>, RoleManager<IdentityRole>, Task<string?>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await action(services.GetRequiredService<UserManager<IdentityUser>>(),
            services.GetRequiredService<RoleManager<IdentityRole>>());
    }

    private static async Task<bool> IsLastAdministratorAsync(UserManager<IdentityUser> users, IdentityUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1;

    private static string Errors(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
