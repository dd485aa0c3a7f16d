using System.Text.Json;
using ContainerNetLib.Domain.Entities;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>An entry as history keeps it: enough to show a diff and to put it back.</summary>
public sealed record EntrySnapshot(string Markdown, int SectionId, string SectionTitle, long? ParentId, int Position, bool Retired)
{
    public static EntrySnapshot Of(Entry entry, string sectionTitle) =>
        new(entry.Markdown, entry.SectionId, sectionTitle, entry.ParentId, entry.Position, entry.RetiredAt is not null);
}

/// <summary>A section as history keeps it.</summary>
public sealed record SectionSnapshot(string Title, string Slug, int? ParentId, int Position, string IntroMarkdown)
{
    public static SectionSnapshot Of(Section section) =>
        new(section.Title, section.Slug, section.ParentId, section.Position, section.IntroMarkdown);
}

public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}
