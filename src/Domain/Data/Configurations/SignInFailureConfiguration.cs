using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> failure)
    {
        failure.ToTable("sign_in_failures");
        failure.HasKey(f => new { f.Account, f.ClientAddress });
        failure.Property(f => f.Account).HasMaxLength(64);
        failure.Property(f => f.ClientAddress).HasMaxLength(64);
        // Rows past the lockout duration are forgotten, found by this.
        failure.HasIndex(f => f.LastFailedAt);
    }
}
