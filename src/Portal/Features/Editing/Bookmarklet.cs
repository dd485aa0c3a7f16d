using System.Text.Json;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>
/// "Add to the list": a <c>javascript:</c> link an editor drags to the bookmarks bar. It runs on whatever page is
/// open and only navigates to our add page with that page's address and title in the query; the add page checks
/// the address and shows the title as text. It runs nothing of ours on the other site, and on our own pages the
/// Content-Security-Policy (no inline script) keeps a click on it from running at all.
/// </summary>
public static class Bookmarklet
{
    public const string AddPage = "/admin/entries/new";

    /// <summary>The link's address, for a site whose base address is <paramref name="baseUri"/>, opening
    /// <paramref name="page"/> (the add page; the members' "Suggest this page" opens the suggestion form).</summary>
    public static string For(string baseUri, string page = AddPage)
    {
        // A JSON string is a valid JavaScript string literal, whatever the host's spelling.
        var target = JsonSerializer.Serialize(baseUri.TrimEnd('/') + page + "?url=");
        return "javascript:(function(){location.href=" + target
            + "+encodeURIComponent(location.href)+'&title='+encodeURIComponent(document.title);})();";
    }
}
