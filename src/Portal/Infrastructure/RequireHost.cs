namespace ContainerNetLib.Portal.Infrastructure;

public static class RequireHost
{
    /// <summary>
    /// Pages build canonical and feed URLs from the request's host; a request without one (legal in
    /// HTTP/1.0) gets 400 rather than a 500 from deep inside rendering.
    /// </summary>
    public static IApplicationBuilder UseRequireHost(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Host.HasValue) return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsync("A Host header is required.");
    });
}
