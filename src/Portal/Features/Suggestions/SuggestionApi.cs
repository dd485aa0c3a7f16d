using System.Globalization;
using System.Security.Claims;
using ContainerNetLib.Portal.Features.Accounts.Tokens;
using ContainerNetLib.Portal.Features.Api.Writes;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary><c>POST /api/suggestions</c>: a member's suggestion with a personal token of any scope (a suggestion
/// changes nothing readers see). Bearer only, so no sign-in cookie can be ridden by a forged request.</summary>
public static class SuggestionApi
{
    public const string Policy = "ApiSuggest";

    public static IEndpointRouteBuilder MapSuggestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/suggestions", async (HttpContext http, SuggestionIntake intake, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBodies.ReadAsync<SuggestionRequest>(http.Request, ct);
                if (body is null) return problem!;
                var user = http.User;
                var outcome = await intake.SuggestAsync(body, user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                    user.Identity?.Name ?? "", ct);
                return Answer(outcome, http.Response);
            })
            .WithTags("Suggesting")
            .RequireAuthorization(Policy)
            .Accepts<SuggestionRequest>("application/json")
            .Produces<SuggestionAnswer>(StatusCodes.Status201Created)
            .Produces<SuggestionAnswer>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SuggestLink")
            .WithSummary("Suggests a link for the editors to review: 201 queued, 200 when it was already suggested "
                + "(your name is added), 409 with the entry's address when the list holds it, 422 for bad input.");
        return app;
    }

    private static IResult Answer(SuggestOutcome outcome, HttpResponse response)
    {
        switch (outcome)
        {
            case SuggestOutcome.Queued queued:
                return TypedResults.Created($"/account/suggestions#s-{queued.Id}",
                    new SuggestionAnswer(queued.Id, "queued", 1, queued.Check, queued.Title));
            case SuggestOutcome.NameAdded added:
                return TypedResults.Ok(new SuggestionAnswer(added.Id, "added your name", added.People, added.Check,
                    null));
            case SuggestOutcome.InTheList held:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "Already in the list",
                    $"The list already holds this address, in {held.Entry.SectionTitle}: "
                    + ReaderLinks.Permalink(held.Entry.Id),
                    new() { ["entry"] = ReaderLinks.Permalink(held.Entry.Id), ["section"] = held.Entry.SectionSlug });
            case SuggestOutcome.TooMany tooMany:
                var seconds = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many suggestions",
                    $"This account has made as many suggestions as it may this hour; try again in {seconds} seconds.");
            case SuggestOutcome.Invalid invalid:
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "The suggestion cannot be used",
                    invalid.Problem, new() { ["field"] = invalid.Field });
            default:
                throw new InvalidOperationException($"No answer for {outcome}.");
        }
    }
}

/// <param name="People">How many members suggested it.</param>
/// <param name="Check">What the check of the page found: working, moved permanently to …, gone, blocked, could not
/// be reached.</param>
public sealed record SuggestionAnswer(long Id, string Status, int People, string Check, string? Title);
