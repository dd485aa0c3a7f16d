using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Suggestions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Accounts.Sessions;

/// <summary>
/// Identity's user store, which also ends an account's sessions once a change to it is saved that should sign it out
/// everywhere: a new security stamp (Identity makes one for every new or reset password, and for an administrator's
/// "end sessions") or a role added or taken away. Held here, where the portal's pages, single sign-on and the
/// importer's users command all pass, so that no way of changing an account can forget it. A removed account's
/// sessions go with it through the foreign key, and its name leaves the suggestions it decided.
/// </summary>
public sealed class SessionEndingUserStore(PortalDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<IdentityUser, IdentityRole, PortalDbContext>(context, describer)
{
    private readonly HashSet<string> _signOutEverywhere = [];

    public override Task SetSecurityStampAsync(IdentityUser user, string stamp, CancellationToken ct = default)
    {
        _signOutEverywhere.Add(user.Id);
        return base.SetSecurityStampAsync(user, stamp, ct);
    }

    public override Task AddToRoleAsync(IdentityUser user, string normalizedRoleName, CancellationToken ct = default)
    {
        _signOutEverywhere.Add(user.Id);
        return base.AddToRoleAsync(user, normalizedRoleName, ct);
    }

    public override Task RemoveFromRoleAsync(IdentityUser user, string normalizedRoleName,
        CancellationToken ct = default)
    {
        _signOutEverywhere.Add(user.Id);
        return base.RemoveFromRoleAsync(user, normalizedRoleName, ct);
    }

    /// <summary>After the change is saved, not before: a sign-in in between would keep the old role.</summary>
    public override async Task<IdentityResult> UpdateAsync(IdentityUser user, CancellationToken ct = default)
    {
        var result = await base.UpdateAsync(user, ct);
        if (result.Succeeded && _signOutEverywhere.Remove(user.Id))
            await SignInSessions.EndAllAsync(Context, user.Id, ct);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(IdentityUser user, CancellationToken ct = default)
    {
        var credited = await FormerMembers.CreditedEntriesAsync(Context, user.Id, ct);
        var result = await base.DeleteAsync(user, ct);
        if (!result.Succeeded) return result;
        await FormerMembers.ForgetDeciderAsync(Context, user.UserName, ct);
        await FormerMembers.ForgetSuggesterAsync(Context, credited, user.UserName, ct);
        return result;
    }

    /// <summary>A new account has no sessions to end.</summary>
    public override async Task<IdentityResult> CreateAsync(IdentityUser user, CancellationToken ct = default)
    {
        _signOutEverywhere.Remove(user.Id);
        return await base.CreateAsync(user, ct);
    }
}
