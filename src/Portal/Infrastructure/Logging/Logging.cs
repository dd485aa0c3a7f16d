using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// Serilog: readable console lines or compact JSON (one event a line, for a log shipper), as
/// <see cref="LogFormat"/> says: JSON by default outside Development, text from
/// scripts/run.sh. Requests are logged once each with method, path (never the query string, which may
/// carry a return URL or a message), status and duration, the request id, and for signed-in editors
/// their user id — never a password, cookie or token. Sinks registered in DI are added (tests);
/// <c>Portal:LogToConsole=false</c> leaves only those.
/// </summary>
public static class PortalLogging
{
    /// <summary>Events waiting for the console, about two seconds of requests at full speed.</summary>
    public const int QueueLimit = 100_000;

    public static IHostApplicationBuilder AddPortalLogging(this IHostApplicationBuilder builder)
    {
        var format = LogFormats.Read(builder.Configuration, builder.Environment);
        // Off only where the host is a test run: there the console belongs to the test runner's report,
        // and events go to the sinks the tests register instead.
        var console = builder.Configuration.GetValue("Portal:LogToConsole", defaultValue: true);
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
            // Written by a background thread (Serilog.Sinks.Async): a request does not wait on the console (a lock
            // shared by every request, and a pipe that may be slow to drain). Past the buffer, events are dropped (and
            // Serilog's self-log says so) rather than let a stalled stdout take the process's memory.
            if (!console) return;
            const string readable = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: " +
                "{Message:lj}{NewLine}{Exception}";
            if (format == LogFormat.Text)
                logger.WriteTo.Async(a => a.Console(outputTemplate: readable), blockWhenFull: true);
            else logger.WriteTo.Async(a => a.Console(new CompactJsonFormatter()), bufferSize: QueueLimit);
        });
        return builder;
    }

}
