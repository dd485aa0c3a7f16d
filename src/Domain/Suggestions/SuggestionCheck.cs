using ContainerNetLib.Domain.LinkHealth;

namespace ContainerNetLib.Domain.Suggestions;

/// <summary>
/// What the one check of a suggested page says, in the words the member and then the editor read: working, moved
/// permanently (with the new address to use), gone, blocked, or could not be reached. An address the guard refuses
/// is not here: such a suggestion is refused, not kept.
/// </summary>
public static class SuggestionCheck
{
    public static string Describe(LinkOutcome outcome, string? finalUrl) => outcome switch
    {
        LinkOutcome.Ok or LinkOutcome.Archived => "working",
        LinkOutcome.Redirected when finalUrl is not null => $"moved permanently to {finalUrl}",
        LinkOutcome.Redirected => "moved permanently",
        LinkOutcome.Broken => "gone",
        LinkOutcome.Blocked => "blocked the checker",
        _ => "could not be reached",
    };

    /// <summary>The address to put in the list: the new one when the page moved for good.</summary>
    public static string AddressToUse(string url, LinkOutcome outcome, string? finalUrl) =>
        outcome == LinkOutcome.Redirected && finalUrl is not null ? finalUrl : url;
}
