namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>What the add form saves: the entry's Markdown and where it goes (<paramref name="Place"/> among its
/// siblings, 0 = first; null puts it last). Another feature that opens the form (accepting a suggestion) saves it
/// through its own step of the same edit path.</summary>
public sealed record NewEntryDraft(int SectionId, long? ParentId, int? Place, string Markdown, bool AllowDuplicate);
