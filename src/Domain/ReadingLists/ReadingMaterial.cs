using ContainerNetLib.Domain.Data;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Which links are reading material: the address an entry stands for (its title link, entries.normalized_url), and
/// every link of a passage (a paragraph, quote or HTML block of prose, which has no title link: each of its links is
/// something to read). Not authors' profile pages (<see cref="LinkRole.Author"/>), nor the other links beside a
/// bullet's or table row's title. Only reading material gets a saved copy, and only its copies are shown, searched
/// and counted on the report; a passage is badged when any of its reading material is broken or moved.
/// </summary>
public static class ReadingMaterial
{
    /// <summary>Each entry's reading material, in the order of its links (a title link comes first).</summary>
    public static IQueryable<MaterialLink> Of(PortalDbContext db) =>
        db.Entries.Where(e => e.NormalizedUrl != null)
            .Select(e => new MaterialLink { EntryId = e.Id, NormalizedUrl = e.NormalizedUrl!, Position = -1 })
            .Concat(db.Links.Where(l => l.Entry.Shape == EntryShape.Passage && l.Role != LinkRole.Author)
                .Select(l => new MaterialLink { EntryId = l.EntryId, NormalizedUrl = l.NormalizedUrl,
                    Position = l.Position }));

    /// <summary>The normalised URLs of all reading material, to be joined in a query.</summary>
    public static IQueryable<string> Urls(PortalDbContext db) => Of(db).Select(m => m.NormalizedUrl);

    /// <summary><see cref="Of"/> in SQL, for the queries written in SQL (search): columns entry_id, normalized_url,
    /// position. A test holds the two to the same rows.</summary>
    public const string Sql = """
        (select e.id as entry_id, e.normalized_url, -1 as position from entries e
         where e.normalized_url is not null and e.retired_at is null
         union all
         select l.entry_id, l.normalized_url, l.position from links l join entries p on p.id = l.entry_id
         where p.shape = 'Passage' and l.role <> 'Author' and p.retired_at is null)
        """;
}

/// <summary>A link of an entry that is reading material; <see cref="Position"/> is -1 for a title link.</summary>
public sealed class MaterialLink
{
    public long EntryId { get; init; }
    public required string NormalizedUrl { get; init; }
    public int Position { get; init; }
}
