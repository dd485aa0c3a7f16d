using System.Threading.RateLimiting;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Features.Accounts;

/// <summary>What slows a password guesser: a few sign-in posts per client per minute, then 429, and the lockout per
/// account and address of <see cref="PasswordSignIn"/>.</summary>
public static class SignInLimits
{
    public const int PostsPerMinute = 10;

    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<StandInPasswordHash>();
        services.AddHostedService(sp => sp.GetRequiredService<StandInPasswordHash>());
        // 429 with Retry-After: the middleware would answer 503, which reads as an outage. Keyed on the client as the
        // named proxy reports it (ReverseProxy:KnownNetworks); a header from anyone else changes nothing.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(
                    AccountSetup.LoginPath)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PostsPerMinute,
                            Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }
}
