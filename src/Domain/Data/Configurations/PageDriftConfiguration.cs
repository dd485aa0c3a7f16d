using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class PageDriftConfiguration : IEntityTypeConfiguration<PageDrift>
{
    public void Configure(EntityTypeBuilder<PageDrift> drift)
    {
        drift.ToTable("page_drifts");
        drift.Property(d => d.Reason).HasConversion<string>().HasMaxLength(16);
        drift.Property(d => d.Resolution).HasConversion<string>().HasMaxLength(16);
        drift.Property(d => d.OldTitle).HasMaxLength(1000);
        drift.Property(d => d.NewTitle).HasMaxLength(1000);
        drift.Property(d => d.ResolvedBy).HasMaxLength(256);
        // One open alert per URL: a later change updates it (PageDrifts.RecordAsync's ON CONFLICT).
        drift.HasIndex(d => d.NormalizedUrl).IsUnique().HasFilter("resolved_at IS NULL")
            .HasDatabaseName("ix_page_drifts_open_url");
    }
}

/// <summary>
/// Search over saved copies: a generated tsvector of the copy's title and text (a shadow property, so the entity
/// stays what the archive side defines), with its GIN index. Search reads only each URL's latest copy.
/// </summary>
internal sealed class SavedCopySearchConfiguration : IEntityTypeConfiguration<SavedCopy>
{
    public const string Column = "search_vector";

    public void Configure(EntityTypeBuilder<SavedCopy> copy)
    {
        copy.Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector").HasColumnName(Column)
            .HasComputedColumnSql("to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)",
                stored: true);
        copy.HasIndex("SearchVector").HasMethod("GIN");
    }
}
