using System.Diagnostics;
using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// The real PostgreSQL every integration test uses. Uses ConnectionStrings__Portal when set,
/// otherwise starts the project's private cluster with scripts/postgres.sh. Migrations are applied
/// once to a template; each test gets its own copy, so no test sees another's rows.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private string _template = "";

    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        AdminConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Portal") is { Length: > 0 } configured
            ? configured
            : StartPrivateCluster();
        _template = $"cnl_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"create database {_template}");
        await using var db = PortalDatabase.Create(ConnectionStringFor(_template));
        await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DropForcedAsync(_template);
    }

    /// <summary>A new, migrated, empty database; dropped when the returned handle is disposed.</summary>
    public async Task<FreshDatabase> CreateAsync()
    {
        var name = $"cnl_test_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"create database {name} template {_template}");
        return new FreshDatabase(this, name, ConnectionStringFor(name));
    }

    internal async Task DropAsync(string name, string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await DropForcedAsync(name);
    }

    /// <summary>
    /// WITH (FORCE) ends the database's sessions, but refuses (42501) when one of them is not the test
    /// role's: an autovacuum worker, or a connection still signing in. Both are gone in moments.
    /// </summary>
    private async Task DropForcedAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"drop database if exists {name} with (force)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string StartPrivateCluster()
    {
        var script = Path.Combine(RepoRoot.Path, "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh start failed: {error}");
        return output.Trim().Split('\n')[^1];
    }
}

public sealed class FreshDatabase(TestDatabase server, string name, string connectionString) : IAsyncDisposable
{
    public string Name => name;
    public string ConnectionString => connectionString;

    public PortalDbContext Open() => PortalDatabase.Create(connectionString);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the list with its xmin: equal lists mean no row was written.</summary>
    public async Task<List<string>> RowVersionsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select 's' || id || ':' || xmin::text || ':' || updated_at::text from sections
            union all select 'e' || id || ':' || xmin::text || ':' || updated_at::text from entries
            union all select 'l' || id || ':' || xmin::text from links
            union all select 'r' || id || ':' || xmin::text from reading_lists
            order by 1
            """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>
    /// Every row of every table (accounts, roles, tokens, history, the list...) with its xmin and place: equal lists
    /// mean nothing at all was written. The data protection key ring is left out: it is written once, by whichever
    /// request first needs a key; so are the sign-in sessions, whose "last seen" any signed-in request may note.
    /// </summary>
    public async Task<List<string>> EveryRowAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            select quote_ident(table_name) from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('data_protection_keys', 'sign_in_sessions')
            order by 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        await using var command = new NpgsqlCommand(string.Join(" union all ", tables.Select(table =>
            $"select '{table}:' || xmin::text || ':' || ctid::text from {table}")) + " order by 1", connection);
        var rows = new List<string>();
        await using var rowReader = await command.ExecuteReaderAsync();
        while (await rowReader.ReadAsync()) rows.Add(rowReader.GetString(0));
        return rows;
    }

    public ValueTask DisposeAsync() => new(server.DropAsync(name, connectionString));
}
