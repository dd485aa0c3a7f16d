using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace ContainerNetLib.Portal.Infrastructure;

public static class StatusCodePagesScope
{
    public const string UnusableForm = "The form could not be used: a field is missing or is not what the page " +
        "sends, or the page was open too long. Go back, reload the page and try again; nothing was changed.";

    /// <summary>
    /// The "not found" page is for people browsing. A form post or an API call keeps its bare status
    /// (401, 400, 404): re-executing a POST as the page would fail antiforgery and turn a 401 into a 400. A form
    /// post refused with an empty 400 (a field the endpoint could not bind, a stale antiforgery token) says so in a
    /// sentence rather than showing a blank page.
    /// </summary>
    public static IApplicationBuilder UseStatusCodePagesForPagesOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        var request = context.Request;
        var isApi = request.Path.StartsWithSegments("/api");
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !isApi)
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        await next(context);
        var response = context.Response;
        // Blazor's own form pages answer for themselves (and complete their response).
        // The header, not HasFormContentType: that throws once antiforgery has refused the form.
        if (response.StatusCode == StatusCodes.Status400BadRequest && !isApi && IsForm(request.ContentType)
            && !response.HasStarted && response.ContentLength is null && response.ContentType is null
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(UnusableForm);
        }
    });

    /// <summary>A form's content type, read from the header alone (see above).</summary>
    internal static bool IsForm(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        || contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
}
