using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Urls;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// Brings the stored sections in line with a parsed list. A few hundred rows at most, so plain
/// tracked EF Core. Removed sections are deleted last, once their entries have moved away.
/// </summary>
internal sealed class SectionSync(PortalDbContext db, DateTimeOffset now)
{
    private readonly List<Section> _removed = [];
    private List<Section> _stored = [];

    public IReadOnlyDictionary<int, string> StoredKeys { get; private set; } = new Dictionary<int, string>();
    public SectionChanges Changes { get; private set; } = new(0, 0, 0);

    /// <summary>Reads the stored sections; needs nothing from the file, so it runs while the file is parsed.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        _stored = await db.Sections.Include(s => s.FormerSlugs).ToListAsync(ct);
        // Removed sections stay in: their entries must be matched (they may have moved) or counted as removed.
        StoredKeys = StoredTree.SectionKeys(_stored);
    }

    /// <summary>Applies additions and changes; returns the section id for each parsed section key.</summary>
    public async Task<Dictionary<string, int>> ApplyAsync(ParsedTree tree, CancellationToken ct)
    {
        var stored = _stored;
        var storedKeys = StoredKeys;
        var byKey = stored.ToDictionary(s => storedKeys[s.Id], StringComparer.Ordinal);
        var parsedKeys = tree.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        _removed.AddRange(stored.Where(s => !parsedKeys.Contains(storedKeys[s.Id])));

        // Slugs of removed sections are free again; a kept section's former slugs still redirect.
        var taken = stored.Except(_removed).SelectMany(s =>
            s.FormerSlugs.Select(f => f.Slug).Append(s.Slug)).ToHashSet();
        var resolved = new Dictionary<string, Section>(StringComparer.Ordinal);
        int added = 0, changed = 0;
        foreach (var (key, parentKey, position, node) in tree.Sections)
        {
            var parent = parentKey is null ? null : resolved[parentKey];
            if (!byKey.TryGetValue(key, out var section))
            {
                section = new Section
                {
                    Title = node.Title,
                    Slug = Slug.Unique(Slug.From(node.Title), taken.Contains),
                    HeadingMarkdown = node.HeadingMarkdown,
                    CreatedAt = now,
                };
                taken.Add(section.Slug);
                db.Sections.Add(section);
                added++;
            }
            if (Update(section, parent, position, node) && section.Id != 0) changed++;
            resolved[key] = section;
        }
        await db.SaveChangesAsync(ct);

        Changes = new SectionChanges(added, changed, _removed.Count);
        return resolved.ToDictionary(r => r.Key, r => r.Value.Id, StringComparer.Ordinal);
    }

    public async Task DeleteRemovedAsync(CancellationToken ct)
    {
        if (_removed.Count == 0) return;
        var ids = _removed.Select(s => s.Id).ToList();
        await db.Sections.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
    }

    private bool Update(Section section, Section? parent, int position, ReadingLists.SectionNode node)
    {
        var same = section.Id != 0 && section.ParentId == parent?.Id && parent?.Id != 0
            && section.Position == position &&
                   section.Level == node.Level && section.Title == node.Title
                       && section.HeadingMarkdown == node.HeadingMarkdown &&
                   section.IntroMarkdown == node.IntroMarkdown && section.OutroMarkdown == node.OutroMarkdown;
        if (same) return false;
        section.Parent = parent;
        section.Position = position;
        section.Level = node.Level;
        section.Title = node.Title;
        section.HeadingMarkdown = node.HeadingMarkdown;
        section.IntroMarkdown = node.IntroMarkdown;
        section.OutroMarkdown = node.OutroMarkdown;
        section.UpdatedAt = now;
        return true;
    }
}
