namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// A member's own word on one entry: read, or unread again. It outranks "new" and "Mark all as read"; an entry with no
/// mark is read or new by its date alone (<see cref="MemberVisit"/>).
/// </summary>
public sealed class ReadMark
{
    public required string UserId { get; set; }
    public long EntryId { get; set; }
    public bool Read { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}
