using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// A PostgreSQL cluster of a test's own (scripts/postgres.sh, in .data/, on a free port of
/// 127.0.0.1), for tests that stop and start the database: the shared one serves every other test.
/// </summary>
public sealed class OwnCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private OwnCluster(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=faults;Username=portal;Password=portal-dev;Timeout=3";

    public static async Task<OwnCluster> StartAsync(string name)
    {
        // Under the system's temp folder, which the postgres user can always reach (a checkout may sit in a private one).
        var folder = Path.Combine(Path.GetTempPath(), $"cnl-cluster-{name}-{Environment.ProcessId}");
        var cluster = new OwnCluster(folder, FreePort());
        await cluster.StartAgainAsync();
        return cluster;
    }

    public Task StartAgainAsync() => RunAsync("start");

    /// <summary>A fast shutdown: open connections are cut, as in a restart or a crash of the server.</summary>
    public Task StopAsync() => RunAsync("stop");

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoRoot.Path, "scripts", "postgres.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ConnectionStrings__Portal");
        start.Environment["PORTAL_PG_DATA"] = _folder;
        start.Environment["PORTAL_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PORTAL_PG_DB"] = "faults";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {command} failed: {await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
