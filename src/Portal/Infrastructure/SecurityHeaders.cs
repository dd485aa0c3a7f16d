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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ReaderPolicy;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
