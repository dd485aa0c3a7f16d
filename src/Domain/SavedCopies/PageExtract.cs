using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>What a page's readable content came to: the fields of a copy, or why there is none.</summary>
/// <param name="Text">In the <see cref="CopyText"/> format, already cut at SavedCopies:MaxTextChars.</param>
public sealed record PageExtract(
    SavedCopyKind Kind,
    string? Title,
    string? Byline,
    DateTimeOffset? Published,
    string? LeadImageUrl,
    string Text,
    bool Truncated,
    CopyRefusalReason? Refusal = null)
{
    public static PageExtract Refused(SavedCopyKind kind, CopyRefusalReason reason) =>
        new(kind, null, null, null, null, "", false, reason);
}
