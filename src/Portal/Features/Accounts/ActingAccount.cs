using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>The answer to "may this person do this now": who to record, or why not.</summary>
public abstract record ActingCheck
{
    /// <param name="User">The account as it is now (its roles from the database), for a page's own finer rules.</param>
    public sealed record Allowed(EditorIdentity Editor, ClaimsPrincipal User) : ActingCheck;

    /// <summary>Why, for the log; the person is told only that their session ended or their access changed.</summary>
    public sealed record Refused(string Why) : ActingCheck;
}

/// <summary>
/// Whether the person behind an interactive page may act, asked of the account as it is now, not of the claims their
/// sign-in carried: a live connection keeps the claims it started with for hours, and a replayed page's start-up
/// token is tied to no account at all. Asked when an interactive page renders, when its live connection starts it
/// and before every action (<see cref="EditorComponentBase"/>), and every few minutes (RevalidatingEditorState).
/// </summary>
public sealed partial class ActingAccount(IDbContextFactory<PortalDbContext> databases,
    IAuthorizationService authorization, IOptions<IdentityOptions> identity, TimeProvider time,
    ILogger<ActingAccount> logger)
{
    private static readonly ConcurrentDictionary<Type, string> PagePolicies = new();

    /// <summary>
    /// The one check. <paramref name="policy"/> null: only that the account still stands (revalidation).
    /// Every rule about a session belongs here, in this order, so each way in gets all of them at once.
    /// </summary>
    public async Task<ActingCheck> CheckAsync(ClaimsPrincipal user, string? policy, CancellationToken ct = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(claims.UserIdClaimType) is not { } id)
            return Refuse(null, policy, "not signed in");
        await using var db = await databases.CreateDbContextAsync(ct);
        var account = await db.Users.Where(u => u.Id == id)
            .Select(u => new
            {
                u.UserName,
                u.SecurityStamp,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (account is null) return Refuse(id, policy, "the account was removed");
        // Identity's own rule (SecurityStampValidator): a new password or a forced sign-out changes the stamp.
        if (user.FindFirstValue(claims.SecurityStampClaimType) != account.SecurityStamp)
            return Refuse(id, policy, "its password was reset or its sessions were ended");
        // The one sign-in this page came with: signed out there, or ended from /account/sessions.
        if (!await SignInSessions.IsAliveAsync(db, user.FindFirstValue(SessionCookie.KeyClaim), time.GetUtcNow(), ct))
            return Refuse(id, policy, "its session was ended");
        // Roles from the database, not the sign-in's claims: taking a role away need not change the stamp.
        var editor = new EditorIdentity(id, account.UserName ?? id);
        var now = AsItIsNow(editor, account.Roles);
        if (policy is not null && !(await authorization.AuthorizeAsync(now, policy)).Succeeded)
            return Refuse(id, policy, "its role no longer allows it");
        return new ActingCheck.Allowed(editor, now);
    }

    /// <summary>
    /// The policy a component's <c>[Authorize(Policy = ...)]</c> names: the same attribute the first request is
    /// authorized by, so a page has one source for who may use it. A component without one (a part of a page) acts
    /// for editors.
    /// </summary>
    public static string PolicyOf(Type component) => PagePolicies.GetOrAdd(component, type =>
        type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy)
            .FirstOrDefault(p => p is not null) ?? Policies.Editor);

    private ClaimsPrincipal AsItIsNow(EditorIdentity editor, IEnumerable<string> roles)
    {
        var claims = identity.Value.ClaimsIdentity;
        Claim[] who = [new(claims.UserIdClaimType, editor.UserId!), new(claims.UserNameClaimType, editor.UserName)];
        return new ClaimsPrincipal(new ClaimsIdentity(
            who.Concat(roles.Select(role => new Claim(claims.RoleClaimType, role))),
            authenticationType: nameof(ActingAccount), nameType: claims.UserNameClaimType,
            roleType: claims.RoleClaimType));
    }

    private ActingCheck.Refused Refuse(string? userId, string? policy, string why)
    {
        LogRefused(logger, userId ?? "anonymous", policy ?? "a session", why);
        return new ActingCheck.Refused(why);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {UserId} on an interactive page ({Policy}): {Why}")]
    private static partial void LogRefused(ILogger logger, string userId, string policy, string why);
}
