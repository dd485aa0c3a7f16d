using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Urls;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.LinkHealth.Runs;

/// <summary>What a run checks: the whole list, one section (with the sections under it) or one entry.</summary>
public sealed record CheckScope(string Kind, string? Key)
{
    public static readonly CheckScope List = new("list", null);
    public static CheckScope Section(string slug) => new("section", slug);
    public static CheckScope Entry(long id) =>
        new("entry", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => Key is null ? Kind : $"{Kind}:{Key}";

    /// <summary>How an editor reads the scope: "the whole list", "section docker-networking", "entry 42".</summary>
    public string Description => Kind == "list" ? "the whole list" : $"{Kind} {Key}";

    /// <summary>The distinct URLs in scope; null when the section or entry does not exist.</summary>
    public async Task<List<PlannedUrl>?> UrlsAsync(PortalDbContext db, CancellationToken ct)
    {
        var links = db.Links.AsNoTracking();
        switch (Kind)
        {
            case "section":
                var tree = await SectionHierarchy.LoadAsync(db.Sections, ct);
                if (tree.AndBelow(Key!) is not { } inScope) return null;
                links = links.Where(l => inScope.Contains(l.Entry.SectionId));
                break;
            case "entry":
                var id = long.Parse(Key!, System.Globalization.CultureInfo.InvariantCulture);
                if (!await db.Entries.AnyAsync(e => e.Id == id, ct)) return null;
                links = links.Where(l => l.EntryId == id);
                break;
        }
        var rows = await links.Select(l => new { l.Url, l.NormalizedUrl }).ToListAsync(ct);
        return rows
            .GroupBy(r => r.NormalizedUrl, StringComparer.Ordinal)
            .Select(g => new PlannedUrl(g.First().Url, g.Key, UrlNormalizer.Host(g.First().Url) ?? ""))
            .OrderBy(u => u.NormalizedUrl, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The scope <paramref name="text"/> names, or null (a form field that was tampered with).</summary>
    public static CheckScope? TryParse(string? text) => text?.Split(':', 2) switch
    {
        ["list"] => List,
        ["section", var slug] when slug.Length > 0 && Text.TextField.SectionSlug.Problem(slug) is null =>
            Section(slug),
        ["entry", var id] when long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var value) =>
            Entry(value),
        _ => null,
    };
}

public sealed record PlannedUrl(string Url, string NormalizedUrl, string Host);
