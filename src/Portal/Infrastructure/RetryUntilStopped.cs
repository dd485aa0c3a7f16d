using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// The retries of the background services that wait out a database that is down (a restart, a slow container):
/// each a Polly pipeline named by what it protects, trying again until the host stops, its waits on the host's
/// <see cref="TimeProvider"/>. Each retry is logged by the service's own warning, with the wait and the reason.
/// </summary>
public static class RetryUntilStopped
{
    /// <param name="handles">The failures worth another try; anything else ends the service, as before.</param>
    public static IServiceCollection AddRetryUntilStopped<TService>(this IServiceCollection services, string name,
        DelayBackoffType backoff, TimeSpan delay, TimeSpan maxDelay, Func<Exception, bool> handles,
        Action<ILogger<TService>, TimeSpan, Exception> logRetry) =>
        services.AddResiliencePipeline(name, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            // Polly's metrics stay; its log lines go: the service's own warning says each retry once, without the
            // stack trace of a failure that is expected while the database restarts.
            builder.ConfigureTelemetry(NullLoggerFactory.Instance);
            var logger = context.ServiceProvider.GetRequiredService<ILogger<TService>>();
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    && !args.Context.CancellationToken.IsCancellationRequested && handles(e)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = backoff,
                Delay = delay,
                MaxDelay = maxDelay,
                UseJitter = false,
                OnRetry = args =>
                {
                    logRetry(logger, args.RetryDelay, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            });
        });
}
