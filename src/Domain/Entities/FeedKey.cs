namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// An account's personal feed key: feed readers cannot sign in, so in private mode they present this in the feed's
/// address. One per account; making a new one replaces the secret, and the old addresses stop working.
/// </summary>
public sealed class FeedKey
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
