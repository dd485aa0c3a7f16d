namespace ContainerNetLib.Domain.Entities;

/// <summary>
/// One editor's change to an entry, a section or an exclusion rule: who, when, and the subject before and after
/// (JSON snapshots), so history can show a diff and restore any earlier version.
/// </summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public ChangeSubject Subject { get; set; }
    public long? EntryId { get; set; }
    public int? SectionId { get; set; }
    public required string Action { get; set; }
    public required string Summary { get; set; }
    /// <summary>Null when the subject was created by this change.</summary>
    public string? Before { get; set; }
    /// <summary>Null when the subject was deleted by this change.</summary>
    public string? After { get; set; }
}

public enum ChangeSubject
{
    Entry,
    Section,
    /// <summary>A link-health exclusion rule, added or removed on the report; neither entry nor section.</summary>
    Exclusion,
}
