namespace ContainerNetLib.Domain.Suggestions;

/// <summary>
/// What the history of an accepted suggestion's entry says after "Added “…” to Section": ", suggested by ann, bob,
/// accepted by ed". Written once at accept time; a member who removes their account is then "a former member" in it
/// (<see cref="FormerMembers"/>), as everywhere else suggestions name them.
/// </summary>
public static class SuggestionCredit
{
    private const string SuggestedBy = ", suggested by ";
    private const string AcceptedBy = ", accepted by ";
    private const string Between = ", ";

    public static string Of(IEnumerable<string> members, string acceptedBy) =>
        $"{SuggestedBy}{string.Join(Between, members)}{AcceptedBy}{acceptedBy}";

    /// <summary>The summary with <paramref name="member"/> in its credit replaced by "a former member"; the rest (the
    /// entry's title, whatever it says) untouched. A summary without a credit comes back as it was.</summary>
    public static string Forget(string summary, string member)
    {
        var accepted = summary.LastIndexOf(AcceptedBy, StringComparison.Ordinal);
        if (accepted < 0) return summary;
        var suggested = summary.LastIndexOf(SuggestedBy, accepted, StringComparison.Ordinal);
        if (suggested < 0) return summary;
        var start = suggested + SuggestedBy.Length;
        var names = summary[start..accepted].Split(Between)
            .Select(name => string.Equals(name, member, StringComparison.OrdinalIgnoreCase) ? FormerMembers.Name : name);
        return summary[..start] + string.Join(Between, names) + summary[accepted..];
    }
}
