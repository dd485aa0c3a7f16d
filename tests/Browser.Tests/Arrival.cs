using System.Diagnostics;
using ContainerNetLib.Tests.Shared;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>
/// Waiting for the page a click, key or form opened. Playwright's own wait for the "load" event after
/// such a navigation timed out now and then in CI although the network was idle; the document's
/// readyState is the browser's word on whether the page finished loading, so that is what is awaited,
/// and a page that really never finishes still fails the test, saying what was left pending. The
/// address is watched here too: Playwright's WaitForURL waits for a load state once the address matches.
/// </summary>
public static class Arrival
{
    private const string Pending = """
        () => JSON.stringify({
          readyState: document.readyState,
          pending: performance.getEntriesByType('resource').filter(r => r.responseEnd === 0).map(r => r.name),
          navigation: performance.getEntriesByType('navigation').map(n => ({ responseEnd: n.responseEnd, domComplete: n.domComplete, loadEventEnd: n.loadEventEnd })),
        })
        """;

    public static async Task ArrivedAsync(this IPage page, string urlGlob, float timeout = 30_000)
    {
        // "**" and "*" stand for anything; every other character for itself ("?" included, as in a query string).
        var pattern = new Regex("^" + Regex.Replace(Regex.Escape(urlGlob), @"(\\\*)+", ".*") + "$");
        await Eventually.TrueAsync(() => pattern.IsMatch(page.Url), $"the browser never reached {urlGlob}",
            TimeSpan.FromMilliseconds(timeout), everyMs: 50);
        await page.LoadedAsync(timeout);
    }

    public static async Task LoadedAsync(this IPage page, float timeout = 30_000)
    {
        // Polled from here: WaitForFunction evaluates its predicate with eval, which editor pages' CSP forbids.
        await Eventually.ReadAsync(async () => await ReadyStateAsync(page) == "complete"
                ? null : await page.EvaluateAsync<string>(Pending),
            pending => pending is null, pending => $"{page.Url} never finished loading: {pending}",
            TimeSpan.FromMilliseconds(timeout));
    }

    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        try { return await page.EvaluateAsync<string>("document.readyState"); }
        catch (PlaywrightException) { return null; } // the document was replaced while asked: ask the next one
    }
}
