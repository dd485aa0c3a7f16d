using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> suggestion)
    {
        suggestion.ToTable("suggestions");
        suggestion.Property(s => s.Url).HasMaxLength(TextField.WebAddress.MaxLength);
        suggestion.Property(s => s.NormalizedUrl).HasMaxLength(TextField.WebAddress.MaxLength);
        suggestion.Property(s => s.Title).HasMaxLength(TextField.EntryTitle.MaxLength);
        suggestion.Property(s => s.Description).HasMaxLength(TextField.EntryDescription.MaxLength);
        suggestion.Property(s => s.Why).HasMaxLength(TextField.Reason.MaxLength);
        suggestion.Property(s => s.PageTitle).HasMaxLength(TextField.EntryTitle.MaxLength);
        suggestion.Property(s => s.CheckFinalUrl).HasMaxLength(TextField.WebAddress.MaxLength);
        suggestion.Property(s => s.CheckOutcome).HasConversion<string>().HasMaxLength(20);
        suggestion.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        suggestion.Property(s => s.DecidedBy).HasMaxLength(TextField.Email.MaxLength);
        suggestion.Property(s => s.DeclineReason).HasMaxLength(TextField.Reason.MaxLength);
        suggestion.Property(s => s.Version).IsRowVersion();
        // A section removed takes its suggestions with it: they had nowhere to go.
        suggestion.HasOne(s => s.Section).WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
        suggestion.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SuggestionId)
            .OnDelete(DeleteBehavior.Cascade);
        // One pending suggestion per address: a second member is added to it, even when both submit at once.
        suggestion.HasIndex(s => s.NormalizedUrl).IsUnique().HasFilter("state = 'Pending'")
            .HasDatabaseName("ix_suggestions_pending_address");
        // The queue, newest first.
        suggestion.HasIndex(s => new { s.State, s.CreatedAt });
    }
}

internal sealed class SuggestionMemberConfiguration : IEntityTypeConfiguration<SuggestionMember>
{
    public void Configure(EntityTypeBuilder<SuggestionMember> member)
    {
        member.ToTable("suggestion_members");
        // A removed account's suggestions stay, made by "a former member".
        member.HasOne<IdentityUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        member.HasIndex(m => new { m.SuggestionId, m.UserId }).IsUnique();
        // Suggestions:PerHour counts an account's rows of the last hour.
        member.HasIndex(m => new { m.UserId, m.AddedAt });
    }
}
