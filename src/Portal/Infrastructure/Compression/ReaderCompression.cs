using System.IO.Compression;
using ContainerNetLib.Portal.Infrastructure.Caching;
using Microsoft.AspNetCore.ResponseCompression;

namespace ContainerNetLib.Portal.Infrastructure.Compression;

/// <summary>
/// Brotli or gzip, as the reader's Accept-Encoding asks, for what anonymous readers get: pages, feeds,
/// the API, searches. Kept rendered pages are compressed once per revision (<see cref="Precompressed"/>);
/// everything else here per response, at the fastest level. Nothing that can carry a secret is
/// compressed, because compression beside text an attacker chooses leaks secrets by length (BREACH):
/// no response to a signed-in user but a private list's readers (editors' sign-out and link-check forms carry
/// antiforgery tokens; the readers' copy carries none), no sign-in
/// page, no editor page or export, no Blazor circuit traffic.
/// </summary>
public static class ReaderCompression
{
    public static WebApplicationBuilder AddReaderCompression(this WebApplicationBuilder builder)
    {
        // Registered before AddResponseCompression, whose own provider is only added if none is.
        builder.Services.AddSingleton<ReaderCompressionProvider>();
        builder.Services.AddSingleton<IResponseCompressionProvider>(
            s => s.GetRequiredService<ReaderCompressionProvider>());
        builder.Services.AddResponseCompression(options =>
        {
            // Our own rule (MayCompress) decides what is safe, over HTTPS as over HTTP.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/atom+xml", "application/problem+json", "text/markdown", "text/csv", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>After authentication (who is asking must be known) and before the rendered pages.</summary>
    public static IApplicationBuilder UseReaderCompression(this IApplicationBuilder app) =>
        app.UseWhen(MayCompress, compressed => compressed.UseResponseCompression());

    /// <summary>The BREACH rule: only responses that cannot carry a secret.</summary>
    public static bool MayCompress(HttpContext context)
    {
        // A signed-in reader of a private list gets the readers' shared copy, which holds no one's secret.
        if (context.Request.Headers.Authorization.Count > 0 || context.User.Identity?.IsAuthenticated == true
            && !SharedPage.MayShare(context, context.RequestServices.GetRequiredService<ReaderAccess>()))
            return false;
        var path = context.Request.Path;
        return !PageAreas.IsPersonal(path) && !path.StartsWithSegments("/_blazor");
    }
}
