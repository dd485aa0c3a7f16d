using Microsoft.AspNetCore.Diagnostics;

namespace ContainerNetLib.Portal.Infrastructure;

public static class StatusCodePagesScope
{
    /// <summary>
    /// The "not found" page is for people browsing. A form post or an API call keeps its bare status
    /// (401, 400, 404): re-executing a POST as the page would fail antiforgery and turn a 401 into a 400.
    /// </summary>
    public static IApplicationBuilder UseStatusCodePagesForPagesOnly(this IApplicationBuilder app) =>
        app.Use((context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || request.Path.StartsWithSegments("/api"))
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        }
        return next(context);
    });
}
