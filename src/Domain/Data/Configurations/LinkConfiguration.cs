using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> link)
    {
        link.ToTable(t => t.HasCheckConstraint("ck_links_url_web_address", EntryConfiguration.IsWebAddress("url")));
        link.Property(l => l.Role).HasConversion<string>().HasMaxLength(16);
        // A retired entry's links are not checked or reported.
        link.HasQueryFilter(l => l.Entry.RetiredAt == null);
        link.HasIndex(l => new { l.EntryId, l.Position });
        link.HasIndex(l => l.NormalizedUrl);
        link.HasOne(l => l.Entry).WithMany(e => e.Links).HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
