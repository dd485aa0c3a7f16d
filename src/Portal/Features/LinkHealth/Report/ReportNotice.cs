using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.LinkHealth.Report;

/// <summary>
/// What the report says after an editor's action on it: a sentence the server wrote, or a refused exclusion rule
/// with its problems and its fields as typed. It reaches the report in a one-time cookie (<see cref="OneTimeCookies"/>),
/// never in the report's address.
/// </summary>
public sealed record ReportNotice(string? Message, ExclusionRetry? Exclusion = null)
{
    private const string Cookie = "cnl.report-notice";
    private const string ReportPath = "/link-health";

    /// <summary>Back to the report, which says this once.</summary>
    public IResult Redirect() => new BackToReport(this);

    /// <summary>What the report has to say to this browser, once.</summary>
    public static ReportNotice? Take(HttpContext context) =>
        context.RequestServices.GetRequiredService<OneTimeCookies>().Take<ReportNotice>(context, Cookie, ReportPath);

    private sealed class BackToReport(ReportNotice notice) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.RequestServices.GetRequiredService<OneTimeCookies>()
                .Set(httpContext, Cookie, ReportPath, notice);
            return Results.LocalRedirect(notice.Exclusion is null ? ReportPath : $"{ReportPath}#exclusions")
                .ExecuteAsync(httpContext);
        }
    }
}

/// <summary>A refused exclusion rule: why, and every field as the editor typed it.</summary>
public sealed record ExclusionRetry(string Problems, string? Kind, string? Value, string? Reason, string? Expires);
