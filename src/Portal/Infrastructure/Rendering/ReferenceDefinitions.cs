using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Infrastructure.Caching;
using Markdig;
using Markdig.Syntax;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>
/// Link reference definitions ("[ref]: https://...") stand anywhere in the list's prose, but
/// "[text][ref]" in any entry resolves against them. Collected once per content revision.
/// </summary>
public sealed class ReferenceDefinitions(IDbContextFactory<PortalDbContext> dbFactory, ContentVersion version)
{
    private (long Revision, string Text) _cached = (-2, "");

    public async Task<string> GetAsync(CancellationToken ct = default)
    {
        var cached = _cached;
        var revision = version.Current;
        if (cached.Revision == revision && revision >= 0) return cached.Text;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prose = await db.Sections.AsNoTracking().Select(s => s.IntroMarkdown + "\n" + s.OutroMarkdown).ToListAsync(ct);
        var preamble = await db.ReadingLists.AsNoTracking().Select(l => l.Preamble).FirstOrDefaultAsync(ct) ?? "";
        var text = Collect(string.Join("\n\n", prose.Prepend(preamble)));
        _cached = (revision, text);
        return text;
    }

    internal static string Collect(string markdown)
    {
        if (!markdown.Contains("]:", StringComparison.Ordinal)) return "";
        return string.Join('\n', Markdown.Parse(markdown).Descendants<LinkReferenceDefinition>()
            .Select(d => markdown.Substring(d.Span.Start, Math.Min(d.Span.Length, markdown.Length - d.Span.Start))));
    }
}
