using System.Net;

namespace ContainerNetLib.Portal.Tests;

/// <summary>What a page said after a form post sent the browser back to it: the notice the server left for that
/// browser, read once.</summary>
public static class Notices
{
    /// <summary>A page's notice after an action, and a refused form's problems.</summary>
    public const string Selector = "[data-notice], [role='alert']";

    public static async Task<string> FollowAsync(this HttpClient browser, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = Html.Parse(await browser.GetStringAsync(posted.Headers.Location!.OriginalString));
        return string.Join(" ", page.QuerySelectorAll(Selector).Select(n => n.TextContent.Trim()));
    }
}
