using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Version).IsRowVersion();
        section.HasIndex(s => s.Slug).IsUnique();
        section.HasIndex(s => new { s.ParentId, s.Position });
        section.Property(s => s.Slug).HasMaxLength(100);
        section.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s =>
            s.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}
