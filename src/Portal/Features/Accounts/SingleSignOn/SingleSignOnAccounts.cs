using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ContainerNetLib.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>
/// The account behind a provider's person: found by issuer and subject (Identity's external logins), made at the
/// first sign-in, its role set from the group claim at every sign-in. Never matched by e-mail: a provider may hand
/// an address to someone else later, and a password account with that address is someone else's until an
/// administrator says otherwise.
/// </summary>
public sealed class SingleSignOnAccounts(
    UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, SignInManager<IdentityUser> signIn,
    IOptions<SignInSettings> settings)
{
    /// <summary>Signs the person in with the portal's cookie; null when done, else the refusal's reason.</summary>
    public async Task<string?> SignInAsync(ClaimsPrincipal person, string? idToken, CancellationToken ct)
    {
        var oidc = settings.Value.Oidc;
        if (person.FindFirst("sub") is not { } subject) return SignInFailure.Untrusted;
        var user = await users.FindByLoginAsync(subject.Issuer, subject.Value);
        if (user is null)
        {
            user = await CreateAsync(person, subject);
            if (user is null) return SignInFailure.EmailTaken;
        }
        if (await users.IsLockedOutAsync(user)) return SignInFailure.LockedOut;

        var groups = person.FindAll(oidc.RoleClaim).Select(c => c.Value);
        // A role that changed takes effect now and signs the account's other sessions out.
        Check(await AccountRoles.SetAsync(users, roles, user,
            GroupRoles.RoleFor(groups, oidc.AdminGroups, oidc.EditorGroups)));
        var session = new AuthenticationProperties();
        if (idToken is not null) session.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        await signIn.SignInAsync(user, session, authenticationMethod: SingleSignOnSetup.Scheme);
        return null;
    }

    private async Task<IdentityUser?> CreateAsync(ClaimsPrincipal person, Claim subject)
    {
        var email = person.FindFirstValue("email") is { Length: > 0 } given ? given : Placeholder(subject);
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
            return null;
        var user = new IdentityUser
        {
            UserName = email, Email = email, EmailConfirmed = person.FindFirstValue("email_verified") == "true",
        };
        Check(await users.CreateAsync(user));
        var displayName = person.FindFirstValue("name") ?? email;
        Check(await users.AddLoginAsync(user, new UserLoginInfo(subject.Issuer, subject.Value, displayName)));
        return user;
    }

    /// <summary>
    /// For a provider that names no e-mail: an address under .invalid, which no mail system delivers.
    /// </summary>
    private static string Placeholder(Claim subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{subject.Issuer}\n{subject.Value}"));
        return $"sso-{Convert.ToHexStringLower(hash)[..16]}@single-sign-on.invalid";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
