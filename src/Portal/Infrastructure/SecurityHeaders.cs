using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Headers every response carries. Reader pages get a strict Content-Security-Policy: scripts only
/// from this site, never inline, no frames, no plugins.
/// </summary>
public static class SecurityHeaders
{
    public const string ReaderPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    /// <summary>
    /// The Hangfire dashboard (administrators only) ships inline scripts and styles; it gets them,
    /// still no eval, no other origins and no framing.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' " +
            "data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    /// <summary>
    /// Interactive editor pages: Blazor's script from this site and its WebSocket back to it; no inline
    /// script and no eval. Blazor's reconnection dialog sets inline styles, so styles may be inline.
    /// </summary>
    public const string EditorPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    // Set before the rest of the pipeline runs (no per-request callback): pages that need another
    // policy (interactive editor pages) overwrite Content-Security-Policy themselves.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Signing out also at the OpenID provider is a form post answered by a redirect there: the browser checks
        // that redirect against form-action too.
        var origins = app.ApplicationServices.GetRequiredService<IOptions<SecurityHeaderOptions>>().Value
            .FormActionOrigins;
        string Allow(string policy) => origins.Count == 0 ? policy
            : policy.Replace("form-action 'self'", $"form-action 'self' {string.Join(' ', origins)}");
        var (reader, dashboard, editor) = (Allow(ReaderPolicy), Allow(DashboardPolicy), Allow(EditorPolicy));
        return app.Use((context, next) => Apply(context, next, reader, dashboard, editor));
    }

    private static Task Apply(
        HttpContext context, RequestDelegate next, string reader, string dashboard, string editor)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers.XFrameOptions = "DENY";
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments(PageAreas.JobDashboard) ? dashboard
            : PageAreas.IsInteractive(path) ? editor
            : reader;
        return next(context);
    }
}

/// <summary>What a feature adds to every page's headers (single sign-on: its provider's origin).</summary>
public sealed class SecurityHeaderOptions
{
    /// <summary>Origins a form may post to, or be redirected to after a post, besides this site.</summary>
    public List<string> FormActionOrigins { get; } = [];
}
