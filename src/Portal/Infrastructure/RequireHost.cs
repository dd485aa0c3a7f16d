using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure;

public static class RequireHost
{
    /// <summary>
    /// A request names one of the hosts the portal answers (Portal:AllowedHosts, any when none is configured),
    /// after a named proxy's X-Forwarded-Host: pages put that name into their canonical and feed addresses and the
    /// caches keep pages per name. A request without a Host (legal in HTTP/1.0) gets 400 too, rather than a 500
    /// from deep inside rendering. Health checks and metrics scrapes come from inside the network under whatever
    /// name it uses, and are not asked for one.
    /// </summary>
    public static WebApplication UseRequireHost(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.HostPatterns();
        app.Use((context, next) =>
        {
            var host = context.Request.Host;
            if (host.HasValue && (allowed.Count == 0 || ReverseProxy.IsProbe(context.Request)
                || HostString.MatchesAny(host.Host, allowed)))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync(host.HasValue
                ? "This server does not answer to that host name."
                : "A Host header is required.");
        });
        return app;
    }
}
