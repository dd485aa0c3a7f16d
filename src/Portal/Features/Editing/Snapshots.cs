using System.Text.Json;
using System.Text.Json.Serialization;
using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.LinkHealth.Exclusions;

namespace ContainerNetLib.Portal.Features.Editing;

/// <summary>An entry as history keeps it: enough to show a diff and to put it back.</summary>
public sealed record EntrySnapshot(string Markdown, int SectionId, string SectionTitle, long? ParentId, int Position,
    bool Retired)
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

/// <summary>An exclusion rule as history keeps it.</summary>
public sealed record ExclusionSnapshot(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ExclusionKind>))] ExclusionKind Kind,
    string Value,
    string Reason,
    DateOnly? Expires)
{
    public static ExclusionSnapshot Of(LinkExclusion rule) => new(rule.Kind, rule.Value, rule.Reason, rule.Expires);

    /// <summary>"host example.org — vendor blocks bots, until 2027-01-31".</summary>
    public string Describe() =>
        new ExclusionRule(Kind, Value, Reason, Expires).Text + (Expires is { } e ? $", until {e:yyyy-MM-dd}" : "");
}

public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static T? Read<T>(string? json) where T : class =>
        json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}
