using System.Net.Sockets;
using ContainerNetLib.Domain.Importing;
using Npgsql;

namespace ContainerNetLib.Importer.Cli;

/// <summary>One line a user can act on, and an exit code: 2 bad input, 3 database unreachable or refused, 1 anything
/// else.</summary>
public sealed record Failure(string Message, int ExitCode)
{
    public static Failure? Describe(Exception e) => e switch
    {
        UsageException => new(e.Message, 2),
        InvalidInputException => new(e.Message, 2),
        ConfigurationException => new(e.Message, 2),
        IOException io when io is not EndOfStreamException => new(e.Message, 2),
        UnauthorizedAccessException => new(e.Message, 2),
        // Text PostgreSQL cannot store (a NUL) that got past the checks: the input's fault, not the database's.
        PostgresException { SqlState: "22021" or "22P05" } pg =>
            new($"the input holds text the database cannot store ({pg.MessageText}); nothing was changed", 2),
        PostgresException { SqlState: "28P01" } =>
            new("PostgreSQL refused the password in ConnectionStrings__Portal (authentication failed)", 3),
        PostgresException { SqlState: "3D000" } pg => new($"the database does not exist: {pg.MessageText}", 3),
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } =>
            new("PostgreSQL shut down during the operation; nothing was changed", 3),
        NpgsqlException { InnerException: SocketException or TimeoutException } =>
            new($"cannot reach PostgreSQL: {Describe(e.InnerException!)?.Message ?? e.InnerException!.Message}", 3),
        NpgsqlException np when np.InnerException is IOException or EndOfStreamException =>
            new("the connection to PostgreSQL was lost; nothing was changed", 3),
        NpgsqlException => new($"database error: {e.Message}", 3),
        SocketException s => new($"{s.Message} ({s.SocketErrorCode})", 3),
        InvalidOperationException { InnerException: NpgsqlException inner } => Describe(inner),
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: { } inner } => Describe(inner),
        ArgumentException a when a.Message.Contains("connection string", StringComparison.OrdinalIgnoreCase) ||
                                 a.Message.Contains("Keyword", StringComparison.OrdinalIgnoreCase)
            => new($"ConnectionStrings__Portal is not a valid connection string: {a.Message}", 2),
        _ => new($"{e.GetType().Name}: {e.Message}", 1),
    };
}

public sealed class ConfigurationException(string message) : Exception(message);
