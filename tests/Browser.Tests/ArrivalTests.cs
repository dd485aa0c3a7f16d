using ContainerNetLib.Tests.Shared;
using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

public class ArrivalTests(Browser browser)
{
    [Fact]
    public async Task A_page_that_never_finishes_loading_fails_the_wait_and_names_what_is_pending()
    {
        // Otherwise: the journeys' wait for a page could pass while the reader's browser still spins on a stalled stylesheet.
        const string page = "<!doctype html><title>t</title><p>text</p><img src=\"/stalled.png\" alt=\"\">";
        await using var site = new FixtureServer((path, _) => path == "/stalled.png"
            ? null // accepted, never answered
            : FixtureServer.Response(200, "OK", "Content-Type: text/html; charset=utf-8\r\n", page));
        await using var context = await browser.Instance.NewContextAsync();
        var tab = await context.NewPageAsync();

        await tab.GotoAsync(site.Url("/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var error = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => tab.ArrivedAsync("**/", timeout: 2_000));

        Assert.True(error.Message.Contains("never finished loading"), error.ToString());
        Assert.Contains("\"readyState\":\"interactive\"", error.Message);
        Assert.Equal(0, await tab.EvaluateAsync<int>("performance.getEntriesByType('resource').filter(r => r.responseEnd > 0).length"));
    }
}
