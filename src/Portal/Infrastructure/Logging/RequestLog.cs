using System.Security.Claims;
using ContainerNetLib.Portal.Infrastructure.Health;
using Serilog;
using ILogger = Serilog.ILogger;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// One event per request through Serilog's request logging: method, path (never the query string, which may
/// carry a feed key, a return URL or a message), status, duration, request id, and for signed-in editors their
/// user id — never a password, cookie or token.
/// </summary>
public static class RequestLog
{
    /// <summary>Switch request logging off or down with
    /// <c>Serilog:MinimumLevel:Override:ContainerNetLib.Portal.Requests</c>.</summary>
    public const string SourceContext = "ContainerNetLib.Portal.Requests";

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILogger>()
            .ForContext(Constants.SourceContextPropertyName, SourceContext);
        return app.UseSerilogRequestLogging(options => Configure(options, new KeepsItsContext(logger)));
    }

    private static void Configure(RequestLoggingOptions options, ILogger logger)
    {
        // The middleware's own default would look up the static logger for every request.
        options.Logger = logger;
        options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        options.IncludeQueryInRequestPath = false;
        options.GetLevel = Level;
        options.EnrichDiagnosticContext = (diagnostics, context) =>
        {
            diagnostics.Set("RequestId", context.TraceIdentifier);
            if (context.User.Identity?.IsAuthenticated == true)
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier));
        };
    }

    private static LogEventLevel Level(HttpContext context, double elapsed, Exception? error)
    {
        var status = context.Response.StatusCode;
        var unavailable = error is null && status == StatusCodes.Status503ServiceUnavailable;
        return error is not null || status >= 500 && !unavailable ? LogEventLevel.Error
            // Health probes every few seconds would drown the log, also while the database is down.
            : context.Request.Path.StartsWithSegments(HealthEndpoints.Path) ? LogEventLevel.Verbose
            // The database out of reach: DatabaseUnavailable logs the reason once; not a bug.
            : unavailable ? LogEventLevel.Warning
            : LogEventLevel.Information;
    }

    /// <summary>
    /// The middleware gives its logger its own source context (ForContext&lt;RequestLoggingMiddleware&gt;), which
    /// would replace ours and, with it, the level our override sets: so the setting the README names never took.
    /// Asked for a context, this logger stays the one it wraps.
    /// </summary>
    private sealed class KeepsItsContext(ILogger requests) : ILogger
    {
        public void Write(LogEvent logEvent) => requests.Write(logEvent);
        public bool IsEnabled(LogEventLevel level) => requests.IsEnabled(level);
        public ILogger ForContext(ILogEventEnricher enricher) => this;
        public ILogger ForContext(IEnumerable<ILogEventEnricher> enrichers) => this;
        public ILogger ForContext(string propertyName, object? value, bool destructureObjects = false) => this;
        public ILogger ForContext<TSource>() => this;
        public ILogger ForContext(Type source) => this;
    }
}
