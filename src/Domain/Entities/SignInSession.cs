namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One sign-in of one browser. The sign-in cookie names this row (its id and secret) and is refused once the row is
/// gone: deleting it ends the session at its next request, in every process.
/// </summary>
public sealed class SignInSession
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>SHA-256 of the secret in the cookie: a copy of the database names no live session.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? UserAgent { get; set; }
    public string? Address { get; set; }
}
