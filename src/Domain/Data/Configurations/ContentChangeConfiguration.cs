using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> change)
    {
        // No foreign keys: history outlives a deleted section and must never block a delete.
        change.Property(c => c.Subject).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.Action).HasMaxLength(32);
        change.Property(c => c.Before).HasColumnType("jsonb");
        change.Property(c => c.After).HasColumnType("jsonb");
        change.HasIndex(c => c.At);
        change.HasIndex(c => new { c.EntryId, c.At });
        change.HasIndex(c => new { c.SectionId, c.At });
    }
}
