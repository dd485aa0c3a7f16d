using ContainerNetLib.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<ReadingList> ReadingLists => Set<ReadingList>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionSlug> SectionSlugs => Set<SectionSlug>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Link> Links => Set<Link>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trusted since PostgreSQL 13: the database owner may create it, no superuser needed.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
