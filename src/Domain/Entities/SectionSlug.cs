namespace ContainerNetLib.Domain.Entities;

/// <summary>A slug a section used to have, so links shared before a rename keep working.</summary>
public sealed class SectionSlug
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public required string Slug { get; set; }
    public DateTimeOffset RetiredAt { get; set; }
}
