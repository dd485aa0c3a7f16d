namespace ContainerNetLib.Domain.Entities;

/// <summary>The list as a whole: what stands before its first heading. There is one row.</summary>
public sealed class ReadingList
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Preamble { get; set; } = "";
    public bool EndsWithNewline { get; set; } = true;

    /// <summary>The imported file's envelope (<see cref="ReadingLists.FileEnvelope"/>), so export gives it back byte
    /// for byte.</summary>
    public bool ByteOrderMark { get; set; }

    public ReadingLists.LineEnding LineEnding { get; set; }

    /// <summary>The lines that end otherwise than <see cref="LineEnding"/>, in
    /// <see cref="ReadingLists.LineEndingException.Format"/>'s form; empty for almost every file.</summary>
    public string LineEndingExceptions { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Goes up by one with every change to the list's content; readers' caches and ETags follow it.</summary>
    public long Revision { get; set; }
}
