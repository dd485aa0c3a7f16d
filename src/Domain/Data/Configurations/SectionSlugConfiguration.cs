using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SectionSlugConfiguration : IEntityTypeConfiguration<SectionSlug>
{
    public void Configure(EntityTypeBuilder<SectionSlug> slug)
    {
        slug.HasIndex(s => s.Slug).IsUnique();
        slug.Property(s => s.Slug).HasMaxLength(100);
        slug.HasOne(s => s.Section).WithMany(s => s.FormerSlugs).HasForeignKey(s =>
            s.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
