using System.Net.Sockets;
using Npgsql;

namespace ContainerNetLib.Portal.Infrastructure.Database;

/// <summary>
/// Whether an exception means the database is (for now) out of reach, rather than a fault in our SQL: the
/// server shutting down or restarting (57P01-57P03), lost or refused connections (08xxx, a reset socket),
/// too many connections (53300) and other transient failures Npgsql itself marks as such. Reads retry
/// these (<see cref="RetryingDatabaseStrategy"/>); past the retries, pages answer 503 and editors are told
/// nothing was saved.
/// </summary>
public static class DatabaseFailure
{
    public static bool IsTransient(Exception exception)
    {
        // A query that ran out of time would run out of time again, and clearing the pools for it would cut every
        // other reader's connection: not a restart.
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is TimeoutException or PostgresException { SqlState: "57014" }) return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres) return postgres.IsTransient || IsUnavailableState(postgres.SqlState);
            if (e is NpgsqlException { IsTransient: true } or SocketException) return true;
            // EF Core gives up on a transient failure by wrapping it; the cause is in the inner exception.
        }
        return false;
    }

    /// <summary>Whether PostgreSQL refused text it cannot store (a NUL, 22021): the request's fault. Every way in
    /// checks text against the list's rule first (<c>TextRule</c>); this is what answers 400 if one ever does not.
    /// </summary>
    public static bool IsUnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: "22021" or "22P05" }) return true;
        return false;
    }

    /// <summary>
    /// After a failure, idle pooled connections may be dead too (a restarted server cut them all): they are closed
    /// rather than each failing one more read or save in turn.
    /// </summary>
    public static void ForgetPooledConnections() => NpgsqlConnection.ClearAllPools();

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal);
}
