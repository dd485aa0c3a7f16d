using System.Globalization;
using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Data;
using Entity = ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>
/// The entry an editor points at when declining a suggestion as "already covered by": the link they paste is the
/// entry's own (its permalink, its place on a section page, its editor page) or the web address it holds. Only a
/// live entry counts: the member must be able to follow the link.
/// </summary>
public static partial class CoveringEntry
{
    public const string NotFound = "No entry of the list has that link: paste the entry's link (its permalink or its "
        + "place on the section page) or the web address it holds.";

    /// <summary>The live entry the link names: its id and its name for the reason's sentence; null when none.
    /// </summary>
    public static async Task<(long Id, string Name)?> FindAsync(PortalDbContext db, string? link, CancellationToken ct)
    {
        var text = link?.Trim();
        if (string.IsNullOrEmpty(text) || TextField.WebAddress.Problem(text) is not null) return null;
        // A portal link names the entry; failing that (another site's page may have the same path), the text is
        // the address an entry holds.
        if (Named(text) is { } named && await FirstAsync(db.Entries.Where(e => e.Id == named.Id
            && (named.Slug == null || e.Section.Slug == named.Slug)), ct) is { } byLink)
            return byLink;
        if (!UrlNormalizer.IsWebAddress(text)) return null;
        var normalized = UrlNormalizer.Normalize(text);
        return await FirstAsync(db.Entries.Where(e => e.NormalizedUrl == normalized), ct);
    }

    private static async Task<(long Id, string Name)?> FirstAsync(IQueryable<Entity.Entry> entries,
        CancellationToken ct)
    {
        var found = await entries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Title, e.Markdown })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, ContentHistory.Name(found.Title, found.Markdown));
    }

    /// <summary>The entry a portal link names (<see cref="ReaderLinks.Entry"/>, <see cref="ReaderLinks.Permalink"/>,
    /// the editor's page), with the section it must be in when the link says; null for any other text.</summary>
    internal static (long Id, string? Slug)? Named(string link)
    {
        if (!Uri.TryCreate(new Uri("http://portal.invalid/"), link, out var uri)) return null;
        if (EntryPath().Match(uri.AbsolutePath) is { Success: true } path)
            return (long.Parse(path.Groups[1].Value, CultureInfo.InvariantCulture), null);
        if (SectionPath().Match(uri.AbsolutePath) is { Success: true } section
            && Anchor().Match(uri.Fragment) is { Success: true } anchor)
            return (long.Parse(anchor.Groups[1].Value, CultureInfo.InvariantCulture),
                Uri.UnescapeDataString(section.Groups[1].Value));
        return null;
    }

    [GeneratedRegex(@"^/(?:admin/)?entries/([0-9]{1,18})(?:/saved)?/?$")]
    private static partial Regex EntryPath();

    [GeneratedRegex(@"^/sections/([^/]+)/?$")]
    private static partial Regex SectionPath();

    [GeneratedRegex(@"^#e-([0-9]{1,18})$")]
    private static partial Regex Anchor();
}
