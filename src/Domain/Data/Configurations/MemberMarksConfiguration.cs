using ContainerNetLib.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

// A member's visits, read marks and read-later list are theirs alone: a removed account's go with it, and a mark on an
// entry goes with the entry (a retired entry keeps its marks, hidden like the entry).
internal sealed class MemberVisitConfiguration : IEntityTypeConfiguration<MemberVisit>
{
    public void Configure(EntityTypeBuilder<MemberVisit> visit)
    {
        visit.ToTable("member_visits");
        visit.HasKey(v => v.UserId);
        visit.HasOne<IdentityUser>().WithOne().HasForeignKey<MemberVisit>(v => v.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadMarkConfiguration : IEntityTypeConfiguration<ReadMark>
{
    public void Configure(EntityTypeBuilder<ReadMark> mark)
    {
        mark.ToTable("read_marks");
        mark.HasKey(m => new { m.UserId, m.EntryId });
        mark.HasOne<IdentityUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        mark.HasOne<Entry>().WithMany().HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        mark.HasIndex(m => m.EntryId);
    }
}

internal sealed class ReadLaterConfiguration : IEntityTypeConfiguration<ReadLater>
{
    public void Configure(EntityTypeBuilder<ReadLater> later)
    {
        later.ToTable("read_later");
        later.HasKey(l => new { l.UserId, l.EntryId });
        later.HasOne<IdentityUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        later.HasOne<Entry>().WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
        later.HasIndex(l => l.EntryId);
    }
}
