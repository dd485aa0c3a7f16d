using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Domain.Importing;

/// <summary>The stored entries with the same identity keys as <see cref="ParsedTree"/> gives a file.</summary>
internal static class StoredTree
{
    public static async Task<Dictionary<EntryKey, StoredEntry>> LoadEntriesAsync(
        PortalDbContext db, IReadOnlyDictionary<int, string> sectionKeys, CancellationToken ct)
    {
        // Retired entries are the editors' business: an import neither matches nor deletes them.
        // Only place and fingerprint: reading whole entities and links back was most of a re-import's time and memory
        // on a large list (docs/benchmarks.md, the import).
        var rows = new List<StoredEntry>();
        await using (var command = new NpgsqlCommand(
            "select id, section_id, parent_id, position, normalized_url, content_hash, created_at, updated_at from " +
                "entries where retired_at is null",
            (NpgsqlConnection)db.Database.GetDbConnection()))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new StoredEntry(
                    reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), (byte[])reader.GetValue(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        var children = rows.ToLookup(r => (r.SectionId, r.ParentId));
        var keys = new IdentityKeys();
        var result = new Dictionary<EntryKey, StoredEntry>(rows.Count);
        void Walk(int sectionId, string sectionKey, long? parentId, EntryKey? parentKey)
        {
            var urlLess = 0;
            foreach (var row in children[(sectionId, parentId)].OrderBy(r => r.Position).ThenBy(r => r.Id))
            {
                var key = keys.Entry(sectionKey, parentKey, row.NormalizedUrl,
                    row.NormalizedUrl is null ? urlLess++ : 0);
                result[key] = row;
                Walk(sectionId, sectionKey, row.Id, key);
            }
        }
        foreach (var (sectionId, sectionKey) in sectionKeys) Walk(sectionId, sectionKey, null, null);
        return result;
    }

    /// <summary>Section keys in the order <see cref="ParsedTree"/> would make them.</summary>
    public static Dictionary<int, string> SectionKeys(IReadOnlyList<Section> sections)
    {
        var children = sections.ToLookup(s => s.ParentId);
        var keys = new IdentityKeys();
        var result = new Dictionary<int, string>();
        void Walk(int? parentId, string? parentKey)
        {
            foreach (var section in children[parentId].OrderBy(s => s.Position).ThenBy(s => s.Id))
            {
                var key = keys.Section(parentKey, section.Title);
                result[section.Id] = key;
                Walk(section.Id, key);
            }
        }
        Walk(null, null);
        return result;
    }
}
