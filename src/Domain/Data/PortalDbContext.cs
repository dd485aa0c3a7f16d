using ContainerNetLib.Domain.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.Data;

/// <summary>The list, link health and the editors' accounts (ASP.NET Core Identity's EF Core stores), in one
/// database; with the Data Protection keys every portal instance signs cookies with (the framework's own store,
/// PersistKeysToDbContext).</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<ReadingList> ReadingLists => Set<ReadingList>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionSlug> SectionSlugs => Set<SectionSlug>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Link> Links => Set<Link>();
    public DbSet<CheckRun> CheckRuns => Set<CheckRun>();
    public DbSet<CheckRunUrl> CheckRunUrls => Set<CheckRunUrl>();
    public DbSet<CheckResult> CheckResults => Set<CheckResult>();
    public DbSet<LinkState> LinkStates => Set<LinkState>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<LinkExclusion> LinkExclusions => Set<LinkExclusion>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<FeedKey> FeedKeys => Set<FeedKey>();
    public DbSet<SavedCopy> SavedCopies => Set<SavedCopy>();
    public DbSet<CopyRefusal> CopyRefusals => Set<CopyRefusal>();
    public DbSet<CopiesOffHost> CopiesOffHosts => Set<CopiesOffHost>();
    public DbSet<PageDrift> PageDrifts => Set<PageDrift>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<MemberVisit> MemberVisits => Set<MemberVisit>();
    public DbSet<ReadMark> ReadMarks => Set<ReadMark>();
    public DbSet<ReadLater> ReadLater => Set<ReadLater>();
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();
    public DbSet<SuggestionMember> SuggestionMembers => Set<SuggestionMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Identity names its tables AspNet*; the rest of the schema is snake_case.
        modelBuilder.Entity<IdentityUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        // Trusted since PostgreSQL 13: the database owner may create it, no superuser needed.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
