using System.Security.Claims;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Portal.Features.Accounts;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.LinkHealth;

/// <summary>Editors switch copies off (and on again) for a host, from the report; back to the report with a
/// message.</summary>
public static class CopyHostEndpoints
{
    public static IEndpointRouteBuilder MapCopyHostSwitches(this IEndpointRouteBuilder endpoints)
    {
        var editors = endpoints.MapGroup("/link-health/copies").RequireAuthorization(Policies.Editor)
            .ExcludeFromDescription();
        editors.MapPost("/off", SwitchOffAsync);
        editors.MapPost("/on", SwitchOnAsync);
        return endpoints;
    }

    /// <summary>The host named, or the host of an address pasted in its place; null when it is neither.</summary>
    internal static string? HostOf(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length is 0 or > 253 ? null : UrlNormalizer.Host(trimmed) ?? UrlNormalizer.HostName(trimmed);
    }

    private static async Task<IResult> SwitchOffAsync([FromForm] string? host, ClaimsPrincipal user, EditUnit unit,
        CancellationToken ct)
    {
        if (HostOf(host) is not { } name)
            return LinkHealthEndpoints.Back(
                $"{LinkHealthEndpoints.Quoted(host)} is not a host name (for example blog.example.org).");
        // Section pages link the copies deleted here: one edit, so readers' pages lose the links with them.
        var outcome = await unit.RunAsync(EditorIdentity.From(user), async edit =>
        {
            // A second click (or a second editor) finds it switched off already: nothing to add, no error.
            await edit.Db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO copies_off_hosts (host, switched_off_by, switched_off_at)
                VALUES ({name}, {edit.Editor.UserName}, {edit.Now})
                ON CONFLICT (host) DO NOTHING
                """, ct);
            var deleted = await edit.Db.SavedCopies.Where(c => c.Host == name).ExecuteDeleteAsync(ct);
            edit.RecordOnItsRow();
            return Edit.Done(() => $"Copies switched off for {name}: {deleted} saved copies deleted.");
        }, conflict: null, ct);
        return LinkHealthEndpoints.Back(
            outcome is EditOutcome.Changed changed ? changed.Message : LinkHealthEndpoints.Refusal(outcome));
    }

    private static async Task<IResult> SwitchOnAsync([FromForm] string? host,
        IDbContextFactory<PortalDbContext> databases, CancellationToken ct)
    {
        if (HostOf(host) is not { } name) return LinkHealthEndpoints.Back(
            $"{LinkHealthEndpoints.Quoted(host)} is not a host name.");
        await using var db = await databases.CreateDbContextAsync(ct);
        var removed = await db.CopiesOffHosts.Where(h => h.Host == name).ExecuteDeleteAsync(ct);
        return LinkHealthEndpoints.Back(removed > 0
            ? $"Copies switched on again for {name}: the next check saves them."
            : $"Copies were not switched off for {name}; nothing changed.");
    }
}
