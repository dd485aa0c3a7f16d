namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>What became of an editor's save: done, refused with a reason, or overtaken by someone else's
/// change.</summary>
public abstract record EditOutcome
{
    /// <summary>An entry or section saved: its id and the version the next save starts from.</summary>
    public sealed record Saved(long Id, uint Version) : EditOutcome;

    /// <summary>A change to something without a version (a rule, a decision): what the editor is told.</summary>
    public sealed record Changed(string Message) : EditOutcome;

    public sealed record Invalid(string Message) : EditOutcome;

    public sealed record NotFound : EditOutcome;

    /// <summary>
    /// The address is already in the list (<see cref="SameAddress"/>): nothing was written; the same change with
    /// duplicates allowed adds it anyway.
    /// </summary>
    public sealed record Duplicate(IReadOnlyList<EntryLocation> Existing) : EditOutcome
    {
        /// <summary>Where the address already is, for a sentence: “Title” in Section (retired), ….</summary>
        public string Places() => string.Join(", ", Existing.Select(e =>
            $"“{e.Title}” in {e.SectionTitle}{(e.Retired ? " (retired)" : "")}"));
    }

    /// <summary>Someone saved first: their text and version, so the editor can merge and save again.</summary>
    public sealed record Conflict(string CurrentMarkdown, uint CurrentVersion, string? ChangedBy,
        DateTimeOffset? ChangedAt) : EditOutcome;
}
