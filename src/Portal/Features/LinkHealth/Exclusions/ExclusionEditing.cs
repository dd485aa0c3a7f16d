using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContainerNetLib.Portal.Features.LinkHealth.Exclusions;

/// <summary>
/// Editors adding and removing exclusion rules. Each is one transaction with its history row and a content
/// revision bump: an excluded link stops showing a broken badge to readers at once, not after the next run.
/// </summary>
public sealed class ExclusionEditing(
    IDbContextFactory<PortalDbContext> databases, ExclusionRules rules, TimeProvider time)
{
    /// <summary>The stored rule, or every reason the input is not a rule (one sentence each).</summary>
    public async Task<(LinkExclusion? Added, IReadOnlyList<string> Problems)> AddAsync(
        string? kind, string? value, string? reason, string? expires, EditorIdentity editor, CancellationToken ct)
    {
        if (!Enum.TryParse<ExclusionKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            return (null, ["Choose what to exclude: a URL, a host or a URL prefix."]);
        if (ExclusionRule.TryCreate(parsed, value, reason, expires, rules.Today, out var problems) is not { } rule)
            return (null, problems);

        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var same = await db.LinkExclusions.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Kind == rule.Kind && e.Value == rule.Value, ct);
        if (same is not null)
            return (null, [$"There is already a rule for {same.ToRule().Text} (added by {same.CreatedBy}); " +
                "remove it to change it."]);
        var now = time.GetUtcNow();
        var added = new LinkExclusion
        {
            Kind = rule.Kind, Value = rule.Value, Reason = rule.Reason, Expires = rule.Expires,
            CreatedBy = editor.UserName, CreatedAt = now,
        };
        db.LinkExclusions.Add(added);
        var snapshot = ExclusionSnapshot.Of(added);
        ContentHistory.Exclusion(db, editor, now, "exclusion added",
            $"Excluded from link checks: {snapshot.Describe()}", null, snapshot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
            when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (null, [$"Someone added a rule for {rule.Text} at the same moment; nothing was changed."]);
        }
        await ContentRevision.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return (added, []);
    }

    /// <summary>The removed rule, or null when it was gone already.</summary>
    public async Task<LinkExclusion?> RemoveAsync(long id, EditorIdentity editor, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rule = await db.LinkExclusions.FromSql($"SELECT * FROM link_exclusions WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (rule is null) return null;
        db.LinkExclusions.Remove(rule);
        var snapshot = ExclusionSnapshot.Of(rule);
        ContentHistory.Exclusion(db, editor, time.GetUtcNow(), "exclusion removed",
            $"Checked again from now on: {snapshot.Describe()}", snapshot, null);
        await db.SaveChangesAsync(ct);
        await ContentRevision.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return rule;
    }
}
