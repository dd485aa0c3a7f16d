using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace ContainerNetLib.Portal.Infrastructure.Database;

/// <summary>
/// A request that fails because the database is out of reach (past the readers' retries) answers 503 with
/// Retry-After, never 500: pages with the friendly page at /error, the API and form posts with
/// problem+json. One warning line per request instead of an error with a stack trace: an outage is an
/// operator's news, not a bug.
/// </summary>
public static partial class DatabaseUnavailable
{
    public const string ErrorPath = "/error";
    public const int RetryAfterSeconds = 5;

    public static WebApplicationBuilder AddDatabaseUnavailableAnswers(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ProblemAnswer>();
        return builder;
    }

    public static IApplicationBuilder UseDatabaseUnavailableAnswers(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            CreateScopeForErrors = true,
            StatusCodeSelector = e => DatabaseFailure.IsTransient(e)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = c => DatabaseFailure.IsTransient(c.Exception),
        });

    /// <summary>Sets the status and Retry-After for a failure; true when it was the database's.</summary>
    public static bool Answer(HttpContext context, Exception exception)
    {
        if (!DatabaseFailure.IsTransient(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Everything but a page a browser asked for: the API, feeds, exports, form posts (a POST cannot be
    /// re-executed as a page).
    /// </summary>
    private sealed partial class ProblemAnswer(ILogger<ProblemAnswer> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            var database = Answer(context, exception);
            // The request's path already names the error page here; the address asked for is kept in the feature.
            var asked = context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
            var path = asked is null ? context.Request.Path : new PathString(asked);
            var method = context.Request.Method;
            if (database) LogUnavailable(logger, method, path, exception.GetBaseException().Message);
            var page = (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
                && !path.StartsWithSegments("/api") && !Path.HasExtension(path.Value);
            if (page) return false;
            await TypedResults.Problem(
                statusCode: context.Response.StatusCode,
                title: database ? "The database is not answering" : "Something went wrong on the server",
                detail: database ? $"Nothing was read or changed. Try again in {RetryAfterSeconds} seconds." : null)
                .ExecuteAsync(context);
            return true;
        }

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Database unavailable: {Method} {Path} answered 503: {Reason}")]
        private static partial void LogUnavailable(ILogger logger, string method, PathString path, string reason);
    }
}
