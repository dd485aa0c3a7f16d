using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class ReadingListConfiguration : IEntityTypeConfiguration<ReadingList>
{
    public void Configure(EntityTypeBuilder<ReadingList> list)
    {
        list.Property(l => l.Id).ValueGeneratedNever();
        // One row: the constraint makes a second one impossible rather than merely unexpected.
        list.Property(l => l.LineEnding).HasConversion<string>().HasMaxLength(4);
        list.ToTable(t => t.HasCheckConstraint("ck_reading_lists_single_row", "id = 1"));
    }
}
