using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Entities;

/// <summary>Every link of an entry: the title link, the authors' links and any others.</summary>
public sealed class Link
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public Entry Entry { get; set; } = null!;
    public int Position { get; set; }
    public required string Url { get; set; }
    public required string NormalizedUrl { get; set; }
    public string Text { get; set; } = "";
    public LinkRole Role { get; set; }
}
