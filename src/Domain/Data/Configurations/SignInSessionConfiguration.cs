using ContainerNetLib.Domain.Accounts.Sessions;
using ContainerNetLib.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> session)
    {
        session.ToTable("sign_in_sessions");
        session.Property(s => s.SecretHash).HasMaxLength(32);
        session.Property(s => s.UserAgent).HasMaxLength(SignInSessions.MaxUserAgentLength);
        session.Property(s => s.Address).HasMaxLength(SignInSessions.MaxAddressLength);
        // A removed account's sessions end with it, in the same statement.
        session.HasOne<IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
        // The cleanup job's range scan.
        session.HasIndex(s => s.ExpiresAt);
    }
}
