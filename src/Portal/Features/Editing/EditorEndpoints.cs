using System.Text;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

public static class EditorEndpoints
{
    public static IEndpointRouteBuilder MapEditorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The whole list as Markdown, written by the importer's writer: importing it gives the same list back.
        endpoints.MapGet("/admin/export.md",
            async (IDbContextFactory<PortalDbContext> databases, TimeProvider time, CancellationToken ct) =>
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                var markdown = await ListExporter.ExportMarkdownAsync(db, ct);
                return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8",
                    $"container-networking-{time.GetUtcNow():yyyy-MM-dd}.md");
            })
            .RequireAuthorization(Policies.Editor)
            .ExcludeFromDescription();
        return endpoints;
    }
}
