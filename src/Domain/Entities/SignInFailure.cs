namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// Wrong passwords typed for one account name from one client address (see
/// <see cref="Accounts.SignInFailures"/>): enough of them lock that address out of that account for a while, and
/// nobody else.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>A hash of the account name as typed (normalised), whether or not such an account exists.</summary>
    public required string Account { get; set; }

    /// <summary>The client's address, or its IPv6 /64 network.</summary>
    public required string ClientAddress { get; set; }

    /// <summary>Failures in a row, each within the lockout duration of the one before.</summary>
    public int Failures { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }
}
