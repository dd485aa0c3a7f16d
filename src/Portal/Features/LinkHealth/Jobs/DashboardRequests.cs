using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace ContainerNetLib.Portal.Features.LinkHealth.Jobs;

/// <summary>
/// What reaches Hangfire's dashboard: its pages are read with GET or HEAD and its script posts forms (or nothing).
/// Hangfire reads a form on some routes whatever the method (the statistics, the batch commands) and throws on a
/// request without one, and its antiforgery check throws on a form it cannot parse: each was a 500. Here another
/// method answers 405, a post of anything but a form 415, a form that cannot be read 400, and a request without a form
/// is given an empty one, so that a route that looks for a form's fields finds none. A job named by anything but a
/// number is not found (PostgreSQL's job storage threw on it).
/// </summary>
public static class DashboardRequests
{
    public const string Allowed = "GET, HEAD, POST";

    /// <summary>Wraps the dashboard endpoint itself: this runs after its authorization, for administrators
    /// only.</summary>
    public static TBuilder AnswerOnlyWhatTheDashboardReads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var dashboard = endpoint.RequestDelegate
                ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate");
            endpoint.RequestDelegate = context => AnswerAsync(context, dashboard);
        });
        return builder;
    }

    private static async Task AnswerAsync(HttpContext context, RequestDelegate dashboard)
    {
        var request = context.Request;
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!reads && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = Allowed;
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed,
                $"The jobs dashboard answers {Allowed} only.");
            return;
        }
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (reads || request.ContentType is null && !hasBody)
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        else if (!StatusCodePagesScope.IsForm(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "The jobs dashboard takes its own form posts only.");
            return;
        }
        else
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The form could not be read: {e.Message}");
                return;
            }
        }
        try
        {
            await dashboard(context);
        }
        catch (Exception e) when (e.GetBaseException() is FormatException or OverflowException
            && !context.Response.HasStarted)
        {
            // The job storage numbers its jobs and parses the id in an address or a posted form as one.
            await RefuseAsync(context, StatusCodes.Status404NotFound, "There is no such job: jobs are numbered.");
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
