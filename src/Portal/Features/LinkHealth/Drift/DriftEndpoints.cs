using System.Security.Claims;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.LinkHealth.Drift;

/// <summary>The report's two buttons for a page changed beyond recognition (on the editors' route group).</summary>
public static class DriftEndpoints
{
    public static RouteGroupBuilder MapPageDrifts(this RouteGroupBuilder editors)
    {
        editors.MapPost("/drift/accept", async ([FromForm] long id, ClaimsPrincipal user, DriftEditing drifts,
            CancellationToken ct) => LinkHealthEndpoints.Back(
            await drifts.AcceptAsync(id, EditorIdentity.From(user), ct)));
        editors.MapPost("/drift/retire", async ([FromForm] long id, [FromForm] long entryId, ClaimsPrincipal user,
            DriftEditing drifts, CancellationToken ct) => LinkHealthEndpoints.Back(
            await drifts.RetireAsync(id, entryId, EditorIdentity.From(user), ct)));
        return editors;
    }
}
