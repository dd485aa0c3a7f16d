using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (the NuGet package ships the driver; no browser is
/// downloaded). The flags keep it from reaching any network but the test's own server.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: scripts/test.sh installs Debian's chromium package");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Every name but the test's own address fails at once, so nothing leaves the machine and a page
                // that asks for another site (the test provider's pages import a web font) is not left waiting
                // on a DNS server that never answers.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null) await Instance.CloseAsync();
        _playwright?.Dispose();
    }
}
