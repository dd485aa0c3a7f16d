using ContainerNetLib.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Domain.LinkHealth.Exclusions;

/// <summary>The rules from configuration (fixed at start-up) and those editors keep in the database.</summary>
public sealed class ExclusionRules(IReadOnlyList<ExclusionRule> configured, TimeProvider time)
{
    public IReadOnlyList<ExclusionRule> Configured => configured;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Every rule in force today, read once for a chunk of a run or a page.</summary>
    public async Task<ExclusionMatcher> LoadAsync(PortalDbContext db, CancellationToken ct)
    {
        var stored = await db.LinkExclusions.AsNoTracking().ToListAsync(ct);
        return new ExclusionMatcher([.. configured, .. stored.Select(s => s.ToRule())], Today);
    }
}
