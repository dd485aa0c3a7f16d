using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Portal.Features.Reading;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>A section in a picker, indented by depth.</summary>
public sealed record SectionChoice(int Id, int? ParentId, string Title, string Slug, int Depth, int Position,
    int EntryCount, uint Version, string IntroMarkdown)
{
    /// <summary>Its entries and those of every section under it, counted as the reader pages count them.</summary>
    public int TotalCount { get; init; } = EntryCount;
}

/// <summary>A table's column names, and which of them a new row's title goes in.</summary>
public sealed record TableColumns(IReadOnlyList<string> Names, int TitleColumn);

/// <summary>An entry as editor pages list it, nested.</summary>
public sealed record EditorEntry(long Id, int SectionId, long? ParentId, int Position, string Markdown, string? Title,
    string? Url, uint Version, DateTimeOffset? RetiredAt)
{
    public Domain.ReadingLists.EntryKind Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Domain.ReadingLists.Author> Authors { get; init; } = [];

    /// <summary>Bullet, table row or passage; a row's cells are named by its table's header.</summary>
    public Domain.ReadingLists.EntryShape Shape { get; init; }
    public IReadOnlyList<Domain.ReadingLists.EntryCell> Cells { get; init; } = [];
    public List<EditorEntry> Children { get; } = [];
    public string Name => ContentHistory.Name(Title, Markdown);
}

/// <summary>
/// What editor pages read, always straight from the database (never the readers' caches, which
/// follow a change a moment later).
/// </summary>
public sealed class EditorQueries(IDbContextFactory<PortalDbContext> databases)
{
    /// <summary>Every section in reading order, with its depth.</summary>
    public async Task<List<SectionChoice>> SectionsAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var counts = await db.Entries.GroupBy(e => e.SectionId).Select(g => new { g.Key,
            Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        var totals = SectionSummary.WithTotals(sections
                .Select(s => new SectionSummary(s.Id, s.ParentId, s.Position, s.Title, s.Slug,
                    counts.GetValueOrDefault(s.Id)))
                .ToList())
            .ToDictionary(s => s.Id, s => s.TotalCount);
        var children = sections.ToLookup(s => s.ParentId);
        var result = new List<SectionChoice>();
        void Walk(int? parentId, int depth)
        {
            foreach (var s in children[parentId].OrderBy(s => s.Position).ThenBy(s => s.Id))
            {
                var own = counts.GetValueOrDefault(s.Id);
                result.Add(new SectionChoice(s.Id, s.ParentId, s.Title, s.Slug, depth, s.Position, own, s.Version,
                    s.IntroMarkdown)
                    { TotalCount = totals[s.Id] });
                Walk(s.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>A section's live entries as a tree.</summary>
    public async Task<List<EditorEntry>> SectionEntriesAsync(int sectionId, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var rows = await db.Entries.AsNoTracking().Where(e => e.SectionId == sectionId)
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new EditorEntry(e.Id, e.SectionId, e.ParentId, e.Position, e.Markdown, e.Title, e.Url,
                e.Version, e.RetiredAt))
            .ToListAsync(ct);
        var byId = rows.ToDictionary(e => e.Id);
        var roots = new List<EditorEntry>();
        foreach (var row in rows)
        {
            if (row.ParentId is { } p && byId.TryGetValue(p, out var parent)) parent.Children.Add(row);
            else roots.Add(row);
        }
        return roots;
    }

    public async Task<EditorEntry?> EntryAsync(long id, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EditorEntry(e.Id, e.SectionId, e.ParentId, e.Position, e.Markdown, e.Title, e.Url,
                e.Version, e.RetiredAt)
                {
                    Kind = e.Kind, Date = e.Date, Description = e.Description, Authors = e.Authors, Shape = e.Shape,
                    Cells = e.Cells,
                })
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The columns of the table that ends the section, where a new top-level entry becomes a row; null when
    /// the section does not end with a table.</summary>
    public async Task<TableColumns?> TableAtEndAsync(int sectionId, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await EntryTree.TableAtEndAsync(db, sectionId, ct) is { } row
            ? new TableColumns(row.Cells.Select(c => c.Name).ToList(), TableRowMarkdown.NewRowTitleColumn(row))
            : null;
    }

    /// <summary>Retired entries, most recently retired first.</summary>
    public async Task<List<(EditorEntry Entry, string SectionTitle)>> RetiredAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var rows = await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.RetiredAt != null)
            .OrderByDescending(e => e.RetiredAt).ThenBy(e => e.Id).Take(200)
            .Select(e => new { Entry = new EditorEntry(e.Id, e.SectionId, e.ParentId, e.Position, e.Markdown, e.Title,
                e.Url, e.Version, e.RetiredAt), e.Section.Title })
            .ToListAsync(ct);
        return rows.Select(r => (r.Entry, r.Title)).ToList();
    }
}
