using System.Globalization;
using ContainerNetLib.Domain.Accounts.Marks;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Marks;

/// <summary>
/// The personal endpoint the reader pages' script asks (GET /account/marks), and the member's writes. Every answer is
/// the member's own: never cached or shared (<c>no-store, private</c>); anyone not signed in gets 401 and nothing.
/// The writes take a form field <c>entry</c> with the page's antiforgery token (the GET's <c>token</c>, sent by the
/// script as a header); a form posted from /account/reading names a <c>return</c> page on this site to go back to.
/// </summary>
public static class MarksEndpoints
{
    public const string MarksPath = "/account/marks";
    public const string ExportPath = "/account/export";
    public const string NoStore = "no-store, private";

    public static IEndpointRouteBuilder MapMarks(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription().RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = NoStore;
                return await next(context);
            });
        // The script is told 401; a browser following a link to the export is sent to sign in.
        account.MapGet("/marks", GetMarksAsync).WithMetadata(AnswerNotRedirect.Instance);
        account.MapPost("/marks/read", (HttpContext http, [FromForm] string? entry, [FromForm(Name = "return")]
            string? back, IDbContextFactory<PortalDbContext> dbs, TimeProvider time, CancellationToken ct) =>
            WriteAsync(http, entry, back, dbs, (db, user, id) => ReadMarks.MarkAsync(db, user, id, true,
                time.GetUtcNow(), ct)));
        account.MapPost("/marks/unread", (HttpContext http, [FromForm] string? entry, [FromForm(Name = "return")]
            string? back, IDbContextFactory<PortalDbContext> dbs, TimeProvider time, CancellationToken ct) =>
            WriteAsync(http, entry, back, dbs, (db, user, id) => ReadMarks.MarkAsync(db, user, id, false,
                time.GetUtcNow(), ct)));
        account.MapPost("/read-later", (HttpContext http, [FromForm] string? entry, [FromForm(Name = "return")]
            string? back, IDbContextFactory<PortalDbContext> dbs, TimeProvider time, CancellationToken ct) =>
            WriteAsync(http, entry, back, dbs, (db, user, id) => ReadMarks.AddLaterAsync(db, user, id,
                time.GetUtcNow(), ct)));
        account.MapPost("/read-later/remove", (HttpContext http, [FromForm] string? entry,
            [FromForm(Name = "return")] string? back, IDbContextFactory<PortalDbContext> dbs, CancellationToken ct) =>
            WriteAsync(http, entry, back, dbs, async (db, user, id) =>
            {
                await ReadMarks.RemoveLaterAsync(db, user, id, ct);
                return true;
            }));
        // No field to bind (a form's binding refuses an empty body), so its token is checked by CrossSiteRequestGuard.
        account.MapPost("/marks/read-all", async (HttpContext http, IDbContextFactory<PortalDbContext> dbs,
            TimeProvider time, CancellationToken ct) =>
        {
            var back = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))["return"] : default;
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await MemberVisits.ReadAllAsync(db, UserId(http)!, time.GetUtcNow(), ct)
                ? Done(back.ToString())
                : Refused();
        });
        account.MapGet("/export", async (HttpContext http, AccountExport export, CancellationToken ct) =>
        {
            if (await export.ExportAsync(UserId(http)!, ct) is not { } data) return Refused();
            http.Response.Headers.ContentDisposition = "attachment; filename=containernetlib-account.json";
            return Results.Json(data);
        });
        return endpoints;
    }

    private static async Task<IResult> GetMarksAsync(HttpContext http, [FromQuery] string? section,
        MemberReading reading, IAntiforgery antiforgery, CancellationToken ct)
    {
        int? sectionId = null;
        if (section is not null)
        {
            if (!int.TryParse(section, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return Results.Problem("section must be a section's number, as the page's data-section-id gives it.",
                    statusCode: StatusCodes.Status400BadRequest);
            sectionId = id;
        }
        if (await reading.MarksAsync(UserId(http)!, sectionId, ct) is not { } marks) return Refused();
        var token = antiforgery.GetAndStoreTokens(http).RequestToken;
        // GetAndStoreTokens sets its own caching headers; this answer's stand.
        http.Response.Headers.CacheControl = NoStore;
        return Results.Json(marks with { Token = token });
    }

    private static async Task<IResult> WriteAsync(HttpContext http, string? entry, string? back,
        IDbContextFactory<PortalDbContext> dbs, Func<PortalDbContext, string, long, Task<bool>> write)
    {
        if (!long.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var entryId))
            return Results.Problem("entry must be an entry's number.", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await dbs.CreateDbContextAsync(http.RequestAborted);
        return await write(db, UserId(http)!, entryId)
            ? Done(back)
            : Results.Problem("That entry is not in the list any more. Nothing was changed.",
                statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>A form goes back to its page (on this site only); the script is told 204.</summary>
    private static IResult Done(string? back) =>
        LocalUrl.IsLocal(back) ? Results.LocalRedirect(back!, permanent: false, preserveMethod: false)
            : Results.NoContent();

    private static IResult Refused() => Results.Problem("Sign in to keep your own marks.",
        statusCode: StatusCodes.Status401Unauthorized);

    private static string? UserId(HttpContext http) => EditorIdentity.From(http.User).UserId;
}
