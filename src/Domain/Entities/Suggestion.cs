using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// A link a member proposes for the list, waiting for an editor or decided. One pending suggestion per address: a
/// second member suggesting it is added to <see cref="Members"/> instead (a partial unique index holds this).
/// </summary>
public sealed class Suggestion
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public required string NormalizedUrl { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Why { get; set; }

    /// <summary>The one check made when it was suggested; see <see cref="Suggestions.SuggestionCheck"/>.</summary>
    public LinkOutcome CheckOutcome { get; set; }
    public int? CheckStatus { get; set; }
    /// <summary>Where the page answered, when it moved.</summary>
    public string? CheckFinalUrl { get; set; }
    /// <summary>The title the page gives itself.</summary>
    public string? PageTitle { get; set; }

    public SuggestionState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }
    public long? AcceptedEntryId { get; set; }
    /// <summary>Declined as "already covered by" this entry of the list, which the member is shown.</summary>
    public long? CoveredByEntryId { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: of two editors deciding at once, the second is refused.</summary>
    public uint Version { get; set; }

    public List<SuggestionMember> Members { get; set; } = [];
}

public enum SuggestionState
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>One member behind a suggestion. The user is null once the account is removed ("a former member").
/// </summary>
public sealed class SuggestionMember
{
    public long Id { get; set; }
    public long SuggestionId { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
