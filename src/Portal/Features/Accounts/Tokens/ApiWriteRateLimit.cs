using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Features.Accounts.Tokens;

/// <summary>
/// Writes per token and minute. Runs after authorization, so the partition is a token that was checked: nobody can
/// use up someone else's allowance by sending their token's id with a wrong secret.
/// </summary>
public sealed class ApiWriteRateLimit(IOptions<ApiWriteOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api-writes";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.User.FindFirstValue(TokenClaims.Id) ?? "",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many writes",
            detail: $"This token has made as many writes as it may this minute; try again in {seconds} seconds.")
            .ExecuteAsync(context.HttpContext);
    };
}
