namespace ContainerNetLib.Domain.Entities;

/// <summary>An entry a member keeps on their "Read later" list.</summary>
public sealed class ReadLater
{
    public required string UserId { get; set; }
    public long EntryId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
