using ContainerNetLib.Portal.Infrastructure.Health;
using System.Diagnostics;
using System.Security.Claims;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using ILogger = Serilog.ILogger;

namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// One Serilog event per request: method, path (never the query string, which may carry a return URL
/// or a message), status, duration, request id, and for signed-in editors their user id — never a
/// password, cookie or token. The event is built from a template parsed once, with no diagnostic
/// context and no per-request property binding, so a cached page pays little for its log line.
/// </summary>
public sealed class RequestLog(RequestDelegate next, ILogger logger)
{
    /// <summary>Switch request logging off or down with
    /// <c>Serilog:MinimumLevel:Override:ContainerNetLib.Portal.Requests</c>.</summary>
    public const string SourceContext = "ContainerNetLib.Portal.Requests";

    private static readonly MessageTemplate Template =
        new MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in " +
            "{Elapsed:0.0} ms");

    // Through the source context's logger, so that Serilog:MinimumLevel:Override for it applies; the event carries its
    // source context already (the context's enricher then finds it there instead of growing the event's properties).
    private readonly ILogger _levels = logger.ForContext(Constants.SourceContextPropertyName, SourceContext);
    private static readonly LogEventProperty Source = new(Constants.SourceContextPropertyName,
        new ScalarValue(SourceContext));

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            Write(context, start, StatusCodes.Status500InternalServerError, e);
            throw;
        }
        Write(context, start, context.Response.StatusCode, null);
    }

    private void Write(HttpContext context, long start, int status, Exception? error)
    {
        var unavailable = error is null && status == StatusCodes.Status503ServiceUnavailable;
        var level = error is not null || status >= 500 && !unavailable ? LogEventLevel.Error
            // Health probes every few seconds would drown the log, also while the database is down.
            : context.Request.Path.StartsWithSegments(HealthEndpoints.Path) ? LogEventLevel.Verbose
            // The database out of reach: DatabaseUnavailable logs the reason once; not a bug.
            : unavailable ? LogEventLevel.Warning
            : LogEventLevel.Information;
        if (!_levels.IsEnabled(level)) return;

        var userId = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var properties = new LogEventProperty[userId is null ? 6 : 7];
        properties[0] = new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method));
        properties[1] = new LogEventProperty("RequestPath", new ScalarValue(context.Request.Path.Value));
        properties[2] = new LogEventProperty("StatusCode", new ScalarValue(status));
        properties[3] = new LogEventProperty("Elapsed",
            new ScalarValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        properties[4] = new LogEventProperty("RequestId", new ScalarValue(context.TraceIdentifier));
        properties[5] = Source;
        if (userId is not null) properties[6] = new LogEventProperty("UserId", new ScalarValue(userId));
        _levels.Write(new LogEvent(DateTimeOffset.UtcNow, level, error, Template, properties));
    }
}
