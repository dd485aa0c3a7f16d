using System.Security.Claims;
using ContainerNetLib.Portal.Features.Editing;
using ContainerNetLib.Portal.Features.LinkHealth.Report;
using Microsoft.AspNetCore.Mvc;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.LinkHealth.Exclusions;

/// <summary>The report's add and remove forms for exclusion rules (on the editors' route group).</summary>
public static class ExclusionEndpoints
{
    public static RouteGroupBuilder MapExclusions(this RouteGroupBuilder editors)
    {
        editors.MapPost("/exclusions", AddAsync);
        editors.MapPost("/exclusions/remove", RemoveAsync);
        return editors;
    }

    private static async Task<IResult> AddAsync(
        [FromForm] string? kind, [FromForm] string? value, [FromForm] string? reason, [FromForm] string? expires,
        ClaimsPrincipal user, ExclusionEditing editing, CancellationToken ct)
    {
        var (done, problems) = await editing.AddAsync(kind, value, reason, expires, EditorIdentity.From(user), ct);
        return done is null
            ? ExclusionForm.Retry(problems, kind, value, reason, expires).Redirect()
            : LinkHealthEndpoints.Back(done);
    }

    private static async Task<IResult> RemoveAsync(
        [FromForm] long id, ClaimsPrincipal user, ExclusionEditing editing, CancellationToken ct) =>
        LinkHealthEndpoints.Back(await editing.RemoveAsync(id, EditorIdentity.From(user), ct));
}
