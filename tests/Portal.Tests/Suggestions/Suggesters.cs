using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Portal.Tests.Api;
using ContainerNetLib.Portal.Tests.LinkHealth;
using ContainerNetLib.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static ContainerNetLib.Tests.Shared.FixtureServer;

namespace ContainerNetLib.Portal.Tests.Suggestions;

/// <summary>The LinkSite list with pages not yet in it (/fresh, /untitled), and members holding read tokens.</summary>
public static class Suggesters
{
    public static LinkSite Site() => new((path, _) => path switch
    {
        "/fresh" => Response(200, "OK", "Content-Type: text/html\r\n",
            "<html><head><title>Fresh page</title></head></html>"),
        "/relocated" => Response(301, "Moved Permanently", "Location: /new-home\r\n"),
        "/untitled" => Response(200, "OK", "Content-Type: text/html\r\n", "<html><body>no title</body></html>"),
        _ => null,
    });

    /// <summary>A reader (no role) and their personal token with the read scope.</summary>
    public static async Task<string> ReaderTokenAsync(this PortalApp app, string email)
    {
        await app.CreateUserAsync(email, role: null);
        return await app.TokenAsync(email, TokenScope.Read);
    }

    /// <summary>An element's text as a reader sees it: runs of white space as one space.</summary>
    public static string Text(AngleSharp.Dom.IElement? element) =>
        string.Join(' ', (element ?? throw new InvalidOperationException("no such element")).TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static async Task<List<Suggestion>> SuggestionsAsync(this PortalApp app)
    {
        await using var db = app.Database.Open();
        return await db.Suggestions.AsNoTracking().Include(s => s.Members).OrderBy(s => s.Id).ToListAsync();
    }
}
