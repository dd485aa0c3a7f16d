using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Serilog: readable console lines in Development, compact JSON elsewhere (one event a line, for a
/// log shipper). Requests are logged once each with method, path (never the query string, which may
/// carry a return URL or a message), status and duration, the request id, and for signed-in editors
/// their user id — never a password, cookie or token. Sinks registered in DI are added (tests).
/// </summary>
public static class Logging
{
    public static IHostApplicationBuilder AddPortalLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            // Written by a background thread: a request does not wait on the console (a lock shared by every
            // request, and a pipe that may be slow to drain). If the buffer fills, requests wait rather than lose events.
            if (development) logger.WriteTo.Async(a => a.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"), blockWhenFull: true);
            else logger.WriteTo.Async(a => a.Console(new CompactJsonFormatter()), bufferSize: 10_000, blockWhenFull: true);
        });
        return builder;
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(options =>
    {
        options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        options.EnrichDiagnosticContext = (diagnostics, context) =>
        {
            diagnostics.Set("RequestId", context.TraceIdentifier);
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) diagnostics.Set("UserId", userId);
        };
        // Health probes every few seconds would drown the log.
        options.GetLevel = (context, _, error) =>
            error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Verbose
            : LogEventLevel.Information;
    });
}
