using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SavedCopyConfiguration : IEntityTypeConfiguration<SavedCopy>
{
    public void Configure(EntityTypeBuilder<SavedCopy> copy)
    {
        copy.ToTable("saved_copies");
        copy.Property(c => c.Kind).HasConversion<string>().HasMaxLength(8);
        copy.Property(c => c.ContentHash).HasMaxLength(64);
        copy.Property(c => c.Title).HasMaxLength(1000);
        copy.Property(c => c.Byline).HasMaxLength(500);
        copy.Property(c => c.LeadImageUrl).HasMaxLength(2000);
        copy.Property(c => c.Host).HasMaxLength(300);
        // One numbering per URL; the latest copy is the highest number.
        copy.HasIndex(c => new { c.NormalizedUrl, c.Number }).IsUnique();
        copy.HasIndex(c => c.Host);
        // Search over saved copies: a generated tsvector of the title and text (a shadow property, so the entity
        // stays what the archive side defines), with its GIN index. Search reads only each URL's latest copy.
        copy.Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector").HasColumnName("search_vector")
            .HasComputedColumnSql("to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)",
                stored: true);
        copy.HasIndex("SearchVector").HasMethod("GIN");
    }
}

internal sealed class CopyRefusalConfiguration : IEntityTypeConfiguration<CopyRefusal>
{
    public void Configure(EntityTypeBuilder<CopyRefusal> refusal)
    {
        refusal.HasKey(r => r.NormalizedUrl);
        refusal.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        refusal.Property(r => r.Detail).HasMaxLength(500);
    }
}

internal sealed class CopiesOffHostConfiguration : IEntityTypeConfiguration<CopiesOffHost>
{
    public void Configure(EntityTypeBuilder<CopiesOffHost> host)
    {
        host.ToTable("copies_off_hosts");
        host.HasKey(h => h.Host);
        host.Property(h => h.Host).HasMaxLength(300);
        host.Property(h => h.SwitchedOffBy).HasMaxLength(256);
    }
}
