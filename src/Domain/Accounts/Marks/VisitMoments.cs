namespace ContainerNetLib.Domain.Accounts.Marks;

/// <summary>
/// What "since your previous visit" means. A visit is a run of a member's reader pages with no gap of
/// <c>visitGap</c> or more between two of them; entries added after the last moment seen in the visit before the
/// current one are new to them. So the "new" marks stay put while the member reads (reloads included), and move on
/// only once they come back after a break. A member's first visit has nothing new.
/// </summary>
public readonly record struct VisitMoments(DateTimeOffset PreviousVisitEndedAt, DateTimeOffset LastSeenAt)
{
    /// <summary>The last-seen moment is kept to this precision, so a member reading page after page writes nothing
    /// more than once a minute.</summary>
    public static readonly TimeSpan Precision = TimeSpan.FromMinutes(1);

    public static VisitMoments First(DateTimeOffset now) => new(now, now);

    /// <summary>The moments after the member is seen at <paramref name="now"/>; the same value when nothing changes.
    /// A clock that went back changes nothing.</summary>
    public VisitMoments SeenAt(DateTimeOffset now, TimeSpan visitGap)
    {
        var gap = now - LastSeenAt;
        if (gap < Precision) return this;
        return gap >= visitGap ? new VisitMoments(LastSeenAt, now) : this with { LastSeenAt = now };
    }
}
