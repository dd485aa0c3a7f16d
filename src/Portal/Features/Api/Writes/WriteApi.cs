using ContainerNetLib.Portal.Features.Accounts.Tokens;

namespace ContainerNetLib.Portal.Features.Api.Writes;

/// <summary>
/// Adding, changing, retiring and restoring entries with a personal API token (Bearer only: a sign-in cookie is
/// not accepted, so there is nothing for a forged cross-site request to ride on).
/// </summary>
public static class WriteApi
{
    public static WebApplicationBuilder AddWriteApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiEntryWrites>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWriteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/entries").WithTags("Writing")
            .RequireAuthorization(ApiTokenSetup.WritePolicy)
            .RequireRateLimiting(ApiWriteRateLimit.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("", async (HttpContext http, ApiEntryWrites writes, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBodies.ReadAsync<NewEntryRequest>(http.Request, ct);
                return body is null
                    ? problem!
                    : await writes.AddAsync(body, TokenEditor.Of(http.User), http.Response, ct);
            })
            .Accepts<NewEntryRequest>("application/json")
            .Produces<WrittenEntry>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddEntry")
            .WithSummary("Adds an entry. Title and description left out are read from the page; "
                + "a URL already in the list answers 409 with the entry's address unless allowDuplicate is true.");

        api.MapPatch("/{id:long}", async (long id, HttpContext http, ApiEntryWrites writes, CancellationToken ct) =>
            {
                if (EntryVersion.Parse(http.Request.Headers.IfMatch) is not { } version)
                    return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                        "Send If-Match with the entry's ETag from GET /api/entries/{id}, "
                        + "so that a newer save is not overwritten.");
                var (body, problem) = await ApiBodies.ReadAsync<EntryPatchRequest>(http.Request, ct);
                return body is null
                    ? problem!
                    : await writes.UpdateAsync(id, version, body, TokenEditor.Of(http.User), http.Response, ct);
            })
            .Accepts<EntryPatchRequest>("application/json")
            .Produces<WrittenEntry>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithName("UpdateEntry")
            .WithSummary("Replaces an entry's Markdown. If-Match must carry its ETag; "
                + "a newer save answers 412 with the current version; a new URL already in the list answers 409 with "
                + "the entry's address unless allowDuplicate is true.");

        api.MapDelete("/{id:long}", (long id, HttpContext http, ApiEntryWrites writes, CancellationToken ct) =>
                writes.RetireAsync(id, TokenEditor.Of(http.User), http.Response, ct))
            .Produces<WrittenEntry>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RetireEntry")
            .WithSummary("Retires an entry and what is nested under it: hidden from readers, kept in the history.");

        api.MapPost("/{id:long}/restore", (long id, HttpContext http, ApiEntryWrites writes, CancellationToken ct) =>
                writes.UnretireAsync(id, TokenEditor.Of(http.User), http.Response, ct))
            .Produces<WrittenEntry>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RestoreEntry")
            .WithSummary("Brings a retired entry back, with what retired along with it.");
        return app;
    }
}
