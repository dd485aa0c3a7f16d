using ContainerNetLib.Portal.Features.Editing;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>What a member sends: the form's fields and the API's JSON body alike. Section is the section's slug.
/// </summary>
public sealed record SuggestionRequest(string? Url, string? Section, string? Title = null, string? Description = null,
    string? Why = null);

/// <summary>What became of a submitted suggestion.</summary>
public abstract record SuggestOutcome
{
    /// <summary>Queued for review; <paramref name="Check"/> is what the page's check found.</summary>
    public sealed record Queued(long Id, string Check, string? Title) : SuggestOutcome;

    /// <summary>Someone suggested it already and it waits for review: the member's name is added to it.</summary>
    public sealed record NameAdded(long Id, int People, string Check) : SuggestOutcome;

    /// <summary>The list already holds the address: nothing was queued.</summary>
    public sealed record InTheList(EntryLocation Entry) : SuggestOutcome;

    /// <summary>Bad input: <paramref name="Field"/> is the form's and the JSON body's name of the field at fault.
    /// </summary>
    public sealed record Invalid(string Field, string Problem) : SuggestOutcome;

    /// <summary>Suggestions:PerHour reached; the next one is allowed after <paramref name="RetryAfter"/>.</summary>
    public sealed record TooMany(TimeSpan RetryAfter) : SuggestOutcome;
}
