using System.Net;
using ContainerNetLib.Portal.Features.Accounts.PrivateMode;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Infrastructure;

namespace ContainerNetLib.Portal.Tests.PrivateMode;

/// <summary>The portal with the seed in private mode, and real addresses from the seed for routes with
/// parameters.</summary>
public static class PrivateApp
{
    public const string SectionSlug = "vxlan-veth-bridges-namespaces-l2-l3-etc";
    public const string SectionPath = "/sections/" + SectionSlug;
    public const string AuthorSlug = "ivan-pepelnjak";

    public static Task<PortalApp> StartAsync(TestDatabase server) =>
        PortalApp.StartAsync(server, settings: new() { [ReaderAccess.Setting] = nameof(Readers.SignedIn) });

    public static async Task<(int SectionId, long EntryId)> SeedIdsAsync(this PortalApp app)
    {
        await using var db = app.Database.Open();
        var section = await db.Sections.Where(s => s.Slug == SectionSlug).Select(s => s.Id).SingleAsync();
        var entry = await db.Entries.Where(e => e.SectionId == section && e.NormalizedUrl != null).OrderBy(e => e.Id)
            .FirstAsync();
        // A saved copy of its page, so that /entries/{id}/saved has something to show a reader.
        if (!await db.SavedCopies.AnyAsync(c => c.NormalizedUrl == entry.NormalizedUrl))
        {
            const string text = "# A saved page\n\nIts words, as the copy job keeps them.";
            db.SavedCopies.Add(new Domain.Entities.SavedCopy
            {
                NormalizedUrl = entry.NormalizedUrl!, Number = 1, SavedAt = DateTimeOffset.UtcNow,
                Url = entry.Url!, FinalUrl = entry.Url!, Host = new Uri(entry.Url!).Host, Text = text,
                ContentHash = Domain.SavedCopies.CopyText.Hash(text), WordCount = Domain.SavedCopies.CopyText.WordCount(text),
            });
            await db.SaveChangesAsync();
        }
        return (section, entry.Id);
    }

    /// <summary>True when the answer sends the caller to sign in and back to <paramref name="path"/>.</summary>
    public static bool SendsToSignIn(this HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]) == "/account/login"
        && System.Web.HttpUtility.ParseQueryString(location.IsAbsoluteUri ? location.Query
            : location.OriginalString[location.OriginalString.IndexOf('?')..])["ReturnUrl"] == path;
}
