using ContainerNetLib.Portal.Infrastructure.Health;
using ContainerNetLib.Portal.Infrastructure.Compression;
using Microsoft.AspNetCore.OutputCaching;

namespace ContainerNetLib.Portal.Infrastructure.Caching;

/// <summary>
/// Reader pages, feeds and the API are the same for every anonymous reader until the content
/// changes: they are served from the output cache, tagged "content", and answer 304 to a browser
/// that already has the current revision. Who shares that copy is <see cref="SharedPage"/>'s rule: editors never.
/// </summary>
public static class ReaderCaching
{
    /// <summary>How long a cached page may be served without a content change (a link's "broken for N days" badge moves
    /// with the date).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddReaderCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CurrentRevision>();
        builder.Services.AddSingleton<RenderedPages>();
        ContentRevisionListener.AddReconnectPipeline(builder.Services);
        builder.Services.AddHostedService<ContentRevisionListener>();
        builder.Services.AddOutputCache(options =>
        {
            // A base policy, so the cache answers before endpoint routing: a hit costs a lookup, not a route match.
            options.AddBasePolicy(policy => policy
                .AddPolicy<SharedPagePolicy>()
                .With(context => IsCachedReaderPath(context.HttpContext.Request.Path))
                .Expire(MaxAge)
                .SetVaryByQuery("*")
                // The revision a request starts under is part of its key: a page rendered from the old content, or
                // served from the cache between the revision's change and the eviction, is never found under the new
                // one.
                .VaryByValue(context => new KeyValuePair<string, string>("revision",
                    context.RequestServices.GetRequiredService<CurrentRevision>()
                    .Current.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(ContentRevisionListener.CacheTag), excludeDefaultPolicy: true);
        });
        return builder;
    }

    /// <summary>Reader pages without a query string answered whole (<see cref="RenderedPages"/>) in front of sign-in
    /// and response compression, to requests that carry nothing to sign in with: a kept page brings its compressed
    /// forms, and a hit skips the authentication handler and the compression wrapper (issue 22 §6).</summary>
    public static IApplicationBuilder UseRenderedPageAnswers(this IApplicationBuilder app) =>
        app.UseMiddleware<RenderedPageMiddleware>(false);

    /// <summary>Reader pages without a query string, answered whole before the output cache, and kept from what the
    /// pipeline sends (<see cref="RenderedPages"/>); behind compression, so the kept copy is the uncompressed
    /// page.</summary>
    public static IApplicationBuilder UseRenderedPages(this IApplicationBuilder app) =>
        app.UseMiddleware<RenderedPageMiddleware>(true);

    /// <summary>ETag from the content revision; a matching If-None-Match gets 304 without rendering.</summary>
    public static IApplicationBuilder UseContentETags(this IApplicationBuilder app)
    {
        // Both are the same for every request: looked up once, not on each reader's page.
        var access = app.ApplicationServices.GetRequiredService<ReaderAccess>();
        var contentRevision = app.ApplicationServices.GetRequiredService<CurrentRevision>();
        return app.Use((context, next) => ContentETagAsync(context, next, access, contentRevision));
    }

    private static Task ContentETagAsync(HttpContext context, RequestDelegate next, ReaderAccess access,
        CurrentRevision contentRevision)
    {
        var request = context.Request;
        if (SharedPage.IsPersonal(context, access))
        {
            // An editor's page differs from the reader's copy the browser may hold under the same ETag
            // (a 304 would show the anonymous page after signing in): no validators, no storing.
            context.Response.Headers.CacheControl = "no-store, private";
            return next(context);
        }
        // Static assets carry their own fingerprinted ETags; only the pages that render content are versioned here.
        if (contentRevision.Current >= 0 && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && IsCachedReaderPath(request.Path))
        {
            var etag = contentRevision.ETag;
            var headers = context.Response.Headers;
            headers.ETag = etag;
            headers.Vary = ReaderCompressionProvider.WithAcceptEncoding(headers.Vary);
            // Browsers keep the page but ask again each time; the answer is usually 304, which says the same.
            headers.CacheControl = SharedPage.CacheControl(access);
            // The ETag of any coding the browser holds: each names the same revision.
            if (request.Headers.IfNoneMatch.Count > 0
                && EncodedETag.Matching(request.Headers.IfNoneMatch, etag) is { } held)
            {
                headers.ETag = held;
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }
        return next(context);
    }

    /// <summary>
    /// Reader pages, searches, feeds and the API; not static assets (served with their own caching
    /// headers). The cache is bounded (100 MB, least recently used out first), so a long tail of
    /// distinct searches only displaces itself.
    /// </summary>
    public static bool IsCachedReaderPath(PathString path) =>
        IsReaderPath(path) && (!Path.HasExtension(path.Value) || path.Value!.EndsWith(".atom",
            StringComparison.Ordinal));

    private static bool IsReaderPath(PathString path) =>
        !PageAreas.IsPersonal(path) && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments(HealthEndpoints.Path) && !path.StartsWithSegments(Metrics.Path);
}
