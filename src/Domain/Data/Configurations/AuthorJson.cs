using System.Text.Json;

namespace ContainerNetLib.Domain.Data.Configurations;

/// <summary>JSON shape of entries.authors: [{"name", "url", "profiles": [...]}]; the search vector reads
/// "name".</summary>
public static class AuthorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
