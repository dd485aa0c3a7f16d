using System.Diagnostics;
using System.Net.Http.Json;

namespace ContainerNetLib.Tests.Shared;

/// <summary>
/// A real, certified OpenID provider (npm's oidc-provider, tests/OidcProvider/provider.js) on 127.0.0.1, with its
/// own login and consent pages: any login name signs in, and the groups it carries are what the test set. Tests
/// register their portal as a client once its address is known, and can ask the token endpoint to misbehave.
/// </summary>
public sealed class OidcProvider : IAsyncLifetime
{
    public const string ClientSecret = "a-client-secret-for-the-tests";
    public const string EditorsGroup = "portal-editors";
    public const string AdminsGroup = "portal-admins";
    public const string DisplayName = "Test provider";

    private static readonly string Folder = System.IO.Path.Combine(RepoRoot.Path, "tests", "OidcProvider");
    private readonly HttpClient _control = new();
    private Process? _node;

    public string Issuer { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!Directory.Exists(System.IO.Path.Combine(Folder, "node_modules", "oidc-provider")))
            throw new InvalidOperationException($"The test provider is not installed: run `npm ci` in {Folder} (scripts/test.sh does)");
        _node = Process.Start(new ProcessStartInfo("node", "provider.js")
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start");
        _node.ErrorDataReceived += (_, _) => { };
        _node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("listening ", StringComparison.Ordinal)) continue;
            Issuer = $"http://127.0.0.1:{line["listening ".Length..]}";
            _control.BaseAddress = new Uri(Issuer);
            return;
        }
        throw new InvalidOperationException($"node provider.js ended before listening (exit {(_node.HasExited ? _node.ExitCode : -1)})");
    }

    /// <summary>The portal's settings for this provider, as an operator would write them.</summary>
    public Dictionary<string, string?> PortalSettings(string clientId) => new()
    {
        ["Authentication:Oidc:Authority"] = Issuer,
        ["Authentication:Oidc:ClientId"] = clientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:DisplayName"] = DisplayName,
        ["Authentication:Oidc:EditorGroups:0"] = EditorsGroup,
        ["Authentication:Oidc:AdminGroups:0"] = AdminsGroup,
    };

    public async Task RegisterClientAsync(string clientId, string portalBaseUrl) =>
        await PutAsync("/__test/clients", new Dictionary<string, object>
        {
            ["client_id"] = clientId,
            ["client_secret"] = ClientSecret,
            ["redirect_uris"] = new[] { $"{portalBaseUrl}/signin-oidc" },
            ["post_logout_redirect_uris"] = new[] { $"{portalBaseUrl}/signout-callback-oidc" },
            ["token_endpoint_auth_method"] = "client_secret_post",
        });

    public Task SetGroupsAsync(string login, params string[] groups) => PutAsync($"/__test/groups/{Uri.EscapeDataString(login)}", groups);

    /// <summary>How the token endpoint spoils this client's ID tokens from now on: "tampered", "wrong-issuer",
    /// "wrong-audience", "expired", "from-the-future"; null for honest answers.</summary>
    public Task MisbehaveAsync(string clientId, string? how) => PutAsync($"/__test/misbehave/{Uri.EscapeDataString(clientId)}", how);

    private async Task PutAsync<T>(string path, T body)
    {
        using var response = await _control.PutAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        if (_node is null) return;
        if (!_node.HasExited) _node.Kill(entireProcessTree: true);
        await _node.WaitForExitAsync();
        _node.Dispose();
    }
}
