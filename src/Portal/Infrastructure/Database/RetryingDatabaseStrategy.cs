using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace ContainerNetLib.Portal.Infrastructure.Database;

/// <summary>
/// Retries a read that met a transient database failure, after 50 ms, 100 ms, 200 ms ... at most 1 s, each
/// with ±25 % jitter so that the requests a restart interrupted do not return all at once: about three
/// seconds in all, enough to ride out a restart of the server. For reads only: EF Core refuses an explicit
/// transaction under a retrying strategy, so a write cannot end up here and be applied twice.
/// </summary>
public sealed class RetryingDatabaseStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 7;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (exception is null || !DatabaseFailure.IsTransient(exception)) return false;
        DatabaseFailure.ForgetPooledConnections();
        return true;
    }

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retries = ExceptionsEncountered.Count - 1;
        if (retries >= MaxRetries) return null;
        var delay = Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, retries), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.75 + Random.Shared.NextDouble() * 0.5));
    }
}
