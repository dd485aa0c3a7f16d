using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContainerNetLib.Domain.Data.Configurations;

internal sealed class CheckRunConfiguration : IEntityTypeConfiguration<CheckRun>
{
    public void Configure(EntityTypeBuilder<CheckRun> run)
    {
        run.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.Scope).HasMaxLength(200);
        run.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.VerdictReason).HasMaxLength(1000);
        // Named here: the snake-case convention names a complex property's columns in migrations but not in queries.
        run.ComplexProperty(r => r.Counts, counts =>
        {
            foreach (var property in typeof(RunCounts).GetProperties().Where(p => p.CanWrite))
                counts.Property(property.Name).HasColumnName("counts_" + SnakeCase(property.Name));
        });
        run.HasIndex(r => r.StartedAt);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{char.ToLowerInvariant(c)}"
            : $"{char.ToLowerInvariant(c)}"));
}

internal sealed class CheckRunUrlConfiguration : IEntityTypeConfiguration<CheckRunUrl>
{
    public void Configure(EntityTypeBuilder<CheckRunUrl> url)
    {
        url.HasKey(u => new { u.RunId, u.NormalizedUrl });
        url.HasIndex(u => new { u.RunId, u.Chunk });
        url.HasOne<CheckRun>().WithMany().HasForeignKey(u => u.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckResultConfiguration : IEntityTypeConfiguration<CheckResult>
{
    public void Configure(EntityTypeBuilder<CheckResult> result)
    {
        result.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        // The idempotency key: a chunk that runs again inserts nothing new for a URL it finished.
        result.HasIndex(r => new { r.RunId, r.NormalizedUrl }).IsUnique();
        result.HasIndex(r => r.CheckedAt);
        result.HasIndex(r => r.NormalizedUrl);
        result.HasOne<CheckRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkStateConfiguration : IEntityTypeConfiguration<LinkState>
{
    public void Configure(EntityTypeBuilder<LinkState> state)
    {
        state.HasKey(s => s.NormalizedUrl);
        state.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        state.HasIndex(s => s.Host);
        state.HasIndex(s => s.Outcome);
    }
}
