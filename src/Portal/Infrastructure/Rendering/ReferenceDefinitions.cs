using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Infrastructure.Caching;
using ContainerNetLib.Portal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Infrastructure.Rendering;

/// <summary>
/// Link reference definitions ("[ref]: https://...") stand anywhere in the list's prose, but
/// "[text][ref]" in any entry resolves against them. Collected once per content revision; each
/// text to render is given only the definitions it names, so a list with hundreds of definitions
/// does not parse all of them again for every entry.
/// </summary>
public sealed class ReferenceDefinitions(RetryingDatabase dbFactory, CurrentRevision contentRevision)
{
    private readonly RevisionCache<IReadOnlyList<ReferenceDefinition>> _cache = new(contentRevision);

    public async Task<ReferenceSet> GetAsync(CancellationToken ct = default) =>
        new(await _cache.GetAsync(LoadAsync, ct));

    private async Task<IReadOnlyList<ReferenceDefinition>> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prose = await db.Sections.AsNoTracking().Select(s =>
            s.IntroMarkdown + "\n" + s.OutroMarkdown).ToListAsync(ct);
        var preamble = await db.ReadingLists.AsNoTracking().Select(l => l.Preamble).FirstOrDefaultAsync(ct) ?? "";
        return ReferenceDefinition.In(string.Join("\n\n", prose.Prepend(preamble)));
    }
}

/// <summary>The list's reference definitions, handed out per text.</summary>
public sealed class ReferenceSet(IReadOnlyList<ReferenceDefinition> definitions)
{
    public static readonly ReferenceSet Empty = new([]);

    /// <summary>The definitions whose label the text names ("[label]", any case); "" when none.</summary>
    public string For(string markdown)
    {
        if (definitions.Count == 0 || !markdown.Contains(']', StringComparison.Ordinal)) return "";
        var used = definitions.Where(d => markdown.Contains($"[{d.Label}]",
            StringComparison.OrdinalIgnoreCase)).Select(d => d.Text);
        return string.Join('\n', used);
    }
}
