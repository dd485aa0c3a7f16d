using ContainerNetLib.Domain.Accounts.Tokens;

namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// A personal API token. Only the SHA-256 of its secret is kept: the token itself is shown once, when made.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public TokenScope Scope { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
