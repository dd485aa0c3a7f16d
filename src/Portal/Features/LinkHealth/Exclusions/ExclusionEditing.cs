using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Exclusions;
using ContainerNetLib.Portal.Features.Editing;
using Microsoft.EntityFrameworkCore;
using ContainerNetLib.Portal.Features.Accounts;

namespace ContainerNetLib.Portal.Features.LinkHealth.Exclusions;

/// <summary>
/// Editors adding and removing exclusion rules, each one edit (<see cref="EditUnit"/>) with its history row: an
/// excluded link stops showing a broken badge to readers at once, not after the next run.
/// </summary>
public sealed class ExclusionEditing(EditUnit unit, ExclusionRules rules)
{
    /// <summary>What the editor is told when the rule is stored, or every reason the input is not a rule (one
    /// sentence each).</summary>
    public async Task<(string? Done, IReadOnlyList<string> Problems)> AddAsync(
        string? kind, string? value, string? reason, string? expires, EditorIdentity editor, CancellationToken ct)
    {
        if (!Enum.TryParse<ExclusionKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            return (null, ["Choose what to exclude: a URL, a host or a URL prefix."]);
        if (ExclusionRule.TryCreate(parsed, value, reason, expires, rules.Today, out var problems) is not { } rule)
            return (null, problems);

        var outcome = await unit.RunAsync(editor, async edit =>
        {
            var same = await edit.Db.LinkExclusions.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Kind == rule.Kind && e.Value == rule.Value, ct);
            if (same is not null)
                return Edit.Refuse($"There is already a rule for {same.ToRule().Text} (added by {same.CreatedBy}); " +
                    "remove it to change it.");
            var added = new LinkExclusion
            {
                Kind = rule.Kind, Value = rule.Value, Reason = rule.Reason, Expires = rule.Expires,
                CreatedBy = editor.UserName, CreatedAt = edit.Now,
            };
            edit.Db.LinkExclusions.Add(added);
            var snapshot = ExclusionSnapshot.Of(added);
            edit.RecordExclusion("exclusion added", $"Excluded from link checks: {snapshot.Describe()}", null,
                snapshot);
            return Edit.Done(() => $"Excluded from now on: {rule.Text}. The next run records it as Skipped.");
        }, conflict: null, ct);
        return outcome switch
        {
            EditOutcome.Changed changed => (changed.Message, []),
            // A rule for the same links added by someone else between the look above and the write.
            EditOutcome.Invalid { Message: EditUnit.SameMoment } =>
                (null, [$"Someone added a rule for {rule.Text} at the same moment; nothing was changed."]),
            _ => (null, [LinkHealthEndpoints.Refusal(outcome)]),
        };
    }

    /// <summary>What the editor is told: the rule removed, or that it was gone already.</summary>
    public async Task<string> RemoveAsync(long id, EditorIdentity editor, CancellationToken ct)
    {
        var outcome = await unit.RunAsync(editor, async edit =>
        {
            var rule = await edit.Db.LinkExclusions
                .FromSql($"SELECT * FROM link_exclusions WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (rule is null) return Edit.Refuse("That rule was removed already; nothing was changed.");
            edit.Db.LinkExclusions.Remove(rule);
            var snapshot = ExclusionSnapshot.Of(rule);
            edit.RecordExclusion("exclusion removed", $"Checked again from now on: {snapshot.Describe()}", snapshot,
                null);
            return Edit.Done(() => $"Rule removed: {rule.ToRule().Text}. The next run checks those links again.");
        }, conflict: null, ct);
        return outcome is EditOutcome.Changed changed ? changed.Message : LinkHealthEndpoints.Refusal(outcome);
    }
}
