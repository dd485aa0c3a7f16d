using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure.Database;

/// <summary>
/// Contexts for what readers read (pages, search, feeds, the API): each query is retried on a transient
/// failure by <see cref="RetryingDatabaseStrategy"/>. Editors' saves use the plain factory, whose explicit
/// transactions are never retried blindly: a save that met a failure is reported as not saved.
/// </summary>
public sealed class RetryingDatabase(IOptions<DatabaseOptions> options, ILoggerFactory logging)
    : IDbContextFactory<PortalDbContext>
{
    private readonly DbContextOptions<PortalDbContext> _options = Build(options.Value.ConnectionString, logging);

    public PortalDbContext CreateDbContext() => new(_options);

    public Task<PortalDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
        Task.FromResult(CreateDbContext());

    /// <summary>Raw SQL on a reader context (search) is retried whole by running it through this.</summary>
    public static Task<T> RetryingAsync<T>(
        PortalDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(read, ct);

    private static DbContextOptions<PortalDbContext> Build(string connectionString, ILoggerFactory logging)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>().UseLoggerFactory(logging)
            // Each failed attempt of a retried read would otherwise be an error with a stack trace; a read that
            // fails for good still reaches the exception handler, which logs it (a warning for an outage).
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.ConnectionError, LogLevel.Warning),
                (RelationalEventId.CommandError, LogLevel.Warning),
                (CoreEventId.QueryIterationFailed, LogLevel.Warning)));
        PortalDatabase.Configure(builder, connectionString,
            npgsql => npgsql.ExecutionStrategy(d => new RetryingDatabaseStrategy(d)));
        return builder.Options;
    }
}
