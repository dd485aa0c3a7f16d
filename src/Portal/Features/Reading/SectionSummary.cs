namespace ContainerNetLib.Portal.Features.Reading;

public sealed record SectionSummary(int Id, int? ParentId, string Title, string Slug, int EntryCount);
