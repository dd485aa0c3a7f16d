namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// When a member was last seen on the reader pages, and so what counts as new for them (see
/// <c>Accounts/Marks/VisitMoments</c> for what a visit is). One row per account, made at their first visit.
/// </summary>
public sealed class MemberVisit
{
    public required string UserId { get; set; }

    /// <summary>The last moment seen in the visit before the current one: entries added after it are "new".</summary>
    public DateTimeOffset PreviousVisitEndedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>"Mark all as read": every entry added up to here is read, unless marked unread since.</summary>
    public DateTimeOffset? ReadAllAt { get; set; }
}
