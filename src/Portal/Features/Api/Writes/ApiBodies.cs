using System.Text.Json;

namespace ContainerNetLib.Portal.Features.Api.Writes;

/// <summary>Reading a JSON body so that a wrong one gets a 400 saying what is wrong, never a 500 or a bare status.
/// </summary>
internal static class ApiBodies
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.BadRequest("Send the body as JSON, with Content-Type: application/json."));
        try
        {
            return await request.ReadFromJsonAsync<T>(ct) is { } body
                ? (body, null)
                : (null, ApiProblems.BadRequest("The body is empty: send a JSON object."));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, ApiProblems.BadRequest(
                $"The body is not the JSON this route takes{where}: check the value's type "
                + "(dates as 2024-01-31, parent as a number)."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, ApiProblems.BadRequest($"The body could not be read: {e.Message}"));
        }
    }
}

/// <summary>Errors as application/problem+json, each with a sentence saying what to change.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request cannot be used", detail);

    public static IResult NotFound(long id) =>
        Problem(StatusCodes.Status404NotFound, "No such entry", $"There is no entry {id}.");

    public static IResult Problem(int status, string title, string detail,
        Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
