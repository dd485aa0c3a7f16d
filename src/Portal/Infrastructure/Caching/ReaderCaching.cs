using Microsoft.AspNetCore.OutputCaching;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Reader pages, feeds and the API are the same for every anonymous reader until the content
/// changes: they are served from the output cache, tagged "content", and answer 304 to a browser
/// that already has the current revision. Signed-in users (editors) are never served from the cache.
/// </summary>
public static class ReaderCaching
{
    public const string Policy = "reader";

    public static WebApplicationBuilder AddReaderCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentVersion>();
        builder.Services.AddHostedService<ContentChangeListener>();
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .Tag(ContentChangeListener.CacheTag));
        });
        return builder;
    }

    /// <summary>ETag from the content revision; a matching If-None-Match gets 304 without rendering.</summary>
    public static IApplicationBuilder UseContentETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var version = context.RequestServices.GetRequiredService<ContentVersion>();
        var request = context.Request;
        // Static assets carry their own fingerprinted ETags; only endpoints that render content are versioned here.
        var rendered = !Path.HasExtension(request.Path.Value) || request.Path.Value!.EndsWith(".atom", StringComparison.Ordinal);
        if (version.Current >= 0 && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && IsReaderPath(request.Path) && rendered)
        {
            var etag = version.ETag;
            if (request.Headers.IfNoneMatch.Contains(etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = etag;
                return;
            }
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.ETag = etag;
                    context.Response.Headers.CacheControl = "no-cache";
                }
                return Task.CompletedTask;
            });
        }
        await next(context);
    });

    private static bool IsReaderPath(PathString path) =>
        !path.StartsWithSegments("/admin") && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/_framework") &&
        !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/metrics");
}
