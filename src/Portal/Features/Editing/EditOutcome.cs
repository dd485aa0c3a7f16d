namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>What became of an editor's save: done, refused with a reason, or overtaken by someone else's
/// change.</summary>
public abstract record EditOutcome
{
    public sealed record Saved(long Id, uint Version) : EditOutcome;

    public sealed record Invalid(string Message) : EditOutcome;

    public sealed record NotFound : EditOutcome;

    /// <summary>Someone saved first: their text and version, so the editor can merge and save again.</summary>
    public sealed record Conflict(string CurrentMarkdown, uint CurrentVersion, string? ChangedBy,
        DateTimeOffset? ChangedAt) : EditOutcome;
}
