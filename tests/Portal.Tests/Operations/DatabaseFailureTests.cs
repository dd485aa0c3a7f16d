using System.Net.Sockets;
using ContainerNetLib.Portal.Infrastructure.Database;
using Npgsql;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>Which failures mean "the database is out of reach" (retried, then 503) and which are bugs.</summary>
public class DatabaseFailureTests
{
    [Theory]
    [InlineData("57P01")] // terminating connection due to administrator command: a restart
    [InlineData("57P03")] // the database system is starting up
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void A_server_going_away_or_full_is_transient(string state)
    {
        // Otherwise: a restart of PostgreSQL shows readers a server error instead of being retried.
        Assert.True(DatabaseFailure.IsTransient(Postgres(state)));
        Assert.True(DatabaseFailure.IsTransient(new InvalidOperationException("wrapped by EF Core", Postgres(state))));
    }

    [Fact]
    public void A_reset_or_refused_connection_is_transient()
    {
        // Otherwise: a dropped socket after a failover is a 500 and an error-level log line.
        var reset = new NpgsqlException("Exception while reading from stream", new IOException("reset"));
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(DatabaseFailure.IsTransient(reset));
        Assert.True(DatabaseFailure.IsTransient(refused));
    }

    [Theory]
    [InlineData("42P01")] // undefined table: a missing migration
    [InlineData("42601")] // syntax error: a bug in our SQL
    [InlineData("23505")] // unique violation
    public void A_fault_in_our_sql_or_data_is_not(string state)
    {
        // Otherwise: a bug would be retried for seconds and then hidden behind "back in a moment".
        Assert.False(DatabaseFailure.IsTransient(Postgres(state)));
        Assert.False(DatabaseFailure.IsTransient(new InvalidOperationException("not the database")));
    }

    private static PostgresException Postgres(string state) => new("message", "FATAL", "FATAL", state);
}
