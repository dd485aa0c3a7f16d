using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace ContainerNetLib.Portal.Infrastructure.Database;

/// <summary>
/// A request that fails because the database is out of reach (past the readers' retries) answers 503 with
/// Retry-After, never 500: pages and browsers' form posts with the friendly page at /error, the API and
/// scripts with problem+json. One warning line per request instead of an error with a stack trace: an outage is an
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
            StatusCodeSelector = e => DatabaseFailure.IsTransient(e) ? StatusCodes.Status503ServiceUnavailable
                : DatabaseFailure.IsUnstorableText(e) ? StatusCodes.Status400BadRequest
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
    /// Logs a database failure once, and answers everything but a browser's page with problem+json: the API,
    /// feeds, exports, and posts from scripts.
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
            var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            var browser = read || context.Request.Headers.Accept.ToString().Contains("text/html",
                StringComparison.Ordinal);
            if (browser && !path.StartsWithSegments("/api") && !Path.HasExtension(path.Value))
            {
                // A form post (signing in) gets the page too, rendered as a GET: a POST would be taken for a form
                // submitted to the error page and refused for want of its antiforgery token.
                if (!read) context.Request.Method = HttpMethods.Get;
                return false;
            }
            var unstorable = DatabaseFailure.IsUnstorableText(exception);
            await TypedResults.Problem(
                statusCode: context.Response.StatusCode,
                title: database ? "The database is not answering"
                    : unstorable ? "The request cannot be used" : "Something went wrong on the server",
                detail: database ? $"Nothing was read or changed. Try again in {RetryAfterSeconds} seconds."
                    : unstorable ? "It holds a character the list cannot store (such as U+0000): remove it." : null)
                .ExecuteAsync(context);
            return true;
        }

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Database unavailable: {Method} {Path} answered 503: {Reason}")]
        private static partial void LogUnavailable(ILogger logger, string method, PathString path, string reason);
    }
}
