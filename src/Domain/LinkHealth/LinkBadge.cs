using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Runs;

namespace ContainerNetLib.Domain.LinkHealth;

/// <summary>What a reader sees beside an entry whose link the nightly check found broken or moved.</summary>
public sealed record LinkBadge(LinkBadgeKind Kind, DateTimeOffset CheckedAt)
{
    public string Label => Kind == LinkBadgeKind.Broken ? "link broken" : "link moved";

    public string Explanation => Kind == LinkBadgeKind.Broken
        ? $"The nightly check could not open this link (last checked {CheckedAt:yyyy-MM-dd}); an editor has been told."
        : $"This page has moved permanently (last checked {CheckedAt:yyyy-MM-dd}); the link still leads there.";

    /// <summary>Null when the link is fine, only failed once so far, or an editor accepted its state.</summary>
    public static LinkBadge? For(LinkState state, int failuresBeforeBroken, DateOnly today)
    {
        if (state.IsAcceptedOn(today)) return null;
        if (LinkStateTransition.IsBroken(state, failuresBeforeBroken))
            return new(LinkBadgeKind.Broken, state.LastCheckedAt);
        return state.Outcome == LinkOutcome.Redirected ? new(LinkBadgeKind.Moved, state.LastCheckedAt) : null;
    }
}

public enum LinkBadgeKind
{
    Broken,
    Moved,
}
