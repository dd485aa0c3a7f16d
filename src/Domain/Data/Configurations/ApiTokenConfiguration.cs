using ContainerNetLib.Domain.Accounts.Tokens;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("api_tokens");
        token.Property(t => t.Name).HasMaxLength(TextField.TokenName.MaxLength);
        token.Property(t => t.Scope).HasConversion<string>().HasMaxLength(8);
        token.Property(t => t.SecretHash).HasMaxLength(32);
        // A removed user's tokens go with them.
        token.HasOne<IdentityUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        token.HasIndex(t => t.UserId);
    }
}
