using System.Net;
using ContainerNetLib.Domain.Accounts;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>
/// A page says only what the server chose: no notice, error or refilled field comes from free text in the address,
/// so no link can make the portal itself tell a reader "Session expired, sign in again at https://…".
/// </summary>
[Collection(PortalCollection.Name)]
public class QueryNoticeTests(TestDatabase database)
{
    private const string Marker = "Session expired, sign in again at https://evil.example";

    // Every query parameter a page has shown as a notice or put back into a form after a post.
    private static readonly string[] Parameters =
    [
        "message", "notice", "error", "excludeError", "excludeKind", "excludeValue", "excludeReason", "excludeExpires",
    ];

    private static readonly string Query =
        "?" + string.Join("&", Parameters.Select(p => $"{p}={Uri.EscapeDataString(Marker)}"));

    [Fact]
    public async Task No_page_shows_text_written_in_its_address()
    {
        // Otherwise: a link to the portal's own report (or any page) makes it show an attacker's sentence to whoever
        // opens it.
        await using var app = await PortalApp.StartAsync(database);
        var admin = await app.SignedInAsync(Roles.Admin);
        var pages = MappedEndpoints.Of(app)
            .Where(e => !e.Route().StartsWith("/_", StringComparison.Ordinal) && !e.IsStaticAsset())
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => e.Concrete()).Distinct().ToList();
        Assert.Contains("/link-health", pages);
        Assert.Contains("/admin/users", pages);

        foreach (var client in new[] { app.Client(), admin })
        foreach (var path in pages)
        {
            var response = await client.GetAsync(path + Query);
            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"GET {path} answered 500");
            Assert.DoesNotContain(Marker, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_notice_after_an_editors_action_is_shown_to_that_editor_once()
    {
        // Otherwise: the outcome of a click is lost, or it comes back on every reload and to other people.
        await using var site = new LinkSite();
        await using var app = await site.StartPortalAsync(database);
        var editor = await app.SignedInAsync(Roles.Editor);
        var colleague = await app.SignedInAsync(Roles.Editor);

        var started = await editor.PostFormAsync("/link-health", "/link-health/check", new() { ["scope"] = "list" });

        const string said = "Check of the whole list started";
        var report = started.Headers.Location!.OriginalString;
        Assert.Contains(said, await editor.GetStringAsync(report));
        Assert.DoesNotContain(said, await editor.GetStringAsync(report));
        Assert.DoesNotContain(said, await colleague.GetStringAsync(report));
    }
}
