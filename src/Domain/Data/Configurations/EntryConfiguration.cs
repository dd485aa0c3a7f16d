using System.Text.Json;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.ReadingLists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    /// <summary>
    /// Full-text document: title (A), description (B), author names (C), URL host split into
    /// words (D), so "oreilly" finds www.oreilly.com.
    /// </summary>
    internal const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B') || " +
        "setweight(jsonb_to_tsvector('simple'::regconfig, jsonb_path_query_array(authors, '$[*].name'), " +
            "'[\"string\"]'), 'C') || " +
        "setweight(to_tsvector('simple'::regconfig, translate(coalesce(substring(normalized_url from " +
            "'^[a-z]+://(?:[^/@]*@)?([^/:?#]+)'), ''), '.-', '  ')), 'D')";

    /// <summary>
    /// An entry's address, and every link's, is a web address (http or https): the parser reads a link to anything
    /// else as text (<c>InlineTokens</c>), and the database holds the rule too, for every way in.
    /// </summary>
    internal static string IsWebAddress(string column) => $"{column} ~* '^\\s*https?:'";

    /// <summary>A list kept as one jsonb value, compared item by item.</summary>
    private static PropertyBuilder<List<T>> AsJson<T>(PropertyBuilder<List<T>> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            items => JsonSerializer.Serialize(items, AuthorJson.Options),
            json => JsonSerializer.Deserialize<List<T>>(json, AuthorJson.Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!),
                a => a.Aggregate(0, (hash, item) => HashCode.Combine(hash, item!.GetHashCode())),
                a => a.ToList()));

    public void Configure(EntityTypeBuilder<Entry> entry)
    {
        entry.ToTable(t => t.HasCheckConstraint("ck_entries_url_web_address", $"url IS NULL OR {IsWebAddress("url")}"));
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.Shape).HasConversion<string>().HasMaxLength(16).HasDefaultValue(EntryShape.Bullet)
            .HasSentinel((EntryShape)(-1));
        AsJson(entry.Property(e => e.Cells)).HasDefaultValueSql("'[]'::jsonb");
        AsJson(entry.Property(e => e.Authors));
        entry.Property(e => e.SearchVector)
            .HasComputedColumnSql(SearchVectorSql, stored: true);

        entry.Property(e => e.Version).IsRowVersion();
        // Retired entries exist only for editors (IgnoreQueryFilters); every reader query leaves them out.
        entry.HasQueryFilter(e => e.RetiredAt == null);

        entry.HasIndex(e => new { e.SectionId, e.ParentId, e.Position });
        entry.HasIndex(e => e.ParentId);
        // A member's new entries are those added since their previous visit: a few of the list's newest.
        entry.HasIndex(e => e.CreatedAt);
        entry.HasIndex(e => e.NormalizedUrl);
        entry.HasIndex(e => e.SearchVector).HasMethod("GIN");
        entry.HasIndex(e => e.AuthorKeys).HasMethod("GIN");

        entry.HasOne(e => e.Section).WithMany(s => s.Entries).HasForeignKey(e =>
            e.SectionId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne(e => e.Parent).WithMany(e => e.Children).HasForeignKey(e =>
            e.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}
