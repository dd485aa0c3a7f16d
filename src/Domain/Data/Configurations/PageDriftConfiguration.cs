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
