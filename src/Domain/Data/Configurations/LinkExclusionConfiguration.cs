using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class LinkExclusionConfiguration : IEntityTypeConfiguration<LinkExclusion>
{
    public void Configure(EntityTypeBuilder<LinkExclusion> exclusion)
    {
        exclusion.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        exclusion.Property(e => e.Value).HasMaxLength(TextField.WebAddress.MaxLength);
        exclusion.Property(e => e.Reason).HasMaxLength(TextField.Reason.MaxLength);
        exclusion.Property(e => e.CreatedBy).HasMaxLength(256);
        // One rule per kind and value: a second "host example.org" would only be a second reason.
        exclusion.HasIndex(e => new { e.Kind, e.Value }).IsUnique();
    }
}
