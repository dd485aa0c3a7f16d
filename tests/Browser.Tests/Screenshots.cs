using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>
/// Screenshots are kept as test artifacts (TestResults/screenshots); scripts/screenshots.sh sets
/// CNL_SCREENSHOTS_DIR=docs/screenshots to refresh the ones the README shows.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CNL_SCREENSHOTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, RepoRoot())
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    private static string RepoRoot() => ContainerNetLib.Tests.Shared.RepoRoot.Path;
}
