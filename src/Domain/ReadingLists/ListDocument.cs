namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A reading list as a tree. Every line of the source Markdown belongs to exactly one node,
/// so writing the tree back out reproduces the source (see <see cref="ReadingListWriter"/>).
/// Text slices are whole lines, each ending in '\n'.
/// </summary>
public sealed class ListDocument
{
    /// <summary>Everything before the first heading: title badges, HTML, tables of contents.</summary>
    public string Preamble { get; set; } = "";

    /// <summary>False when the source did not end with a line break, so export can match it.</summary>
    public bool EndsWithNewline { get; set; } = true;

    /// <summary>The byte order mark and line endings the file had, which the tree's LF text does not hold.</summary>
    public FileEnvelope Envelope { get; set; } = FileEnvelope.Plain;

    public List<SectionNode> Sections { get; } = [];
}
