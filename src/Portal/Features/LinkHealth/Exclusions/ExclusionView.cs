using System.Globalization;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.LinkHealth.Exclusions;

/// <summary>
/// A rule as the report lists it. <see cref="Id"/> is null for a rule from configuration, which the report
/// shows read-only ("from configuration"); <see cref="CreatedBy"/> and <see cref="CreatedAt"/> are an editor's.
/// </summary>
public sealed record ExclusionView(long? Id, ExclusionKind Kind, string Value, string Reason, DateOnly? Expires,
    string Text, string? CreatedBy, DateTimeOffset? CreatedAt, bool Active)
{
    public bool FromConfiguration => Id is null;

    /// <summary>Who set the rule, until when: "from configuration", "added by ann on 2026-11-30, until 2027-01-31".
    /// </summary>
    public string Provenance()
    {
        var source = FromConfiguration ? "from configuration" : $"added by {CreatedBy} on {CreatedAt:yyyy-MM-dd}";
        return Expires switch
        {
            null => source,
            { } date when Active => $"{source}, until {date:yyyy-MM-dd}",
            { } date => $"{source}, expired {date:yyyy-MM-dd}: no longer applies",
        };
    }

    /// <summary>Configured rules first (in their order), then editors' rules, newest first.</summary>
    public static async Task<IReadOnlyList<ExclusionView>> ListAsync(
        PortalDbContext db, ExclusionRules rules, CancellationToken ct)
    {
        var today = rules.Today;
        var stored = await db.LinkExclusions.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync(ct);
        return
        [
            .. rules.Configured.Select(r => new ExclusionView(
                null, r.Kind, r.Value, r.Reason, r.Expires, r.Text, null, null, r.IsActive(today))),
            .. stored.Select(e => new ExclusionView(
                e.Id, e.Kind, e.Value, e.Reason, e.Expires, e.ToRule().Text, e.CreatedBy, e.CreatedAt,
                e.ToRule().IsActive(today))),
        ];
    }
}
