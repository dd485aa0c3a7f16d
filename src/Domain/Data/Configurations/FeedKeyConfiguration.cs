using ContainerNetLib.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class FeedKeyConfiguration : IEntityTypeConfiguration<FeedKey>
{
    public void Configure(EntityTypeBuilder<FeedKey> key)
    {
        key.ToTable("feed_keys");
        key.Property(k => k.Secret).HasMaxLength(64);
        // A removed user's feed addresses go with them.
        key.HasOne<IdentityUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        key.HasIndex(k => k.UserId).IsUnique();
    }
}
