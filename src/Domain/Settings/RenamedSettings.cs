using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Domain.Settings;

/// <summary>
/// Settings that were renamed. An old key is still read, under its new name, wherever the new key is not set, so a
/// configuration written for an earlier version keeps working; a process says once at start-up which old keys it
/// met (renames: keep old names: the rename scripts leave this file alone).
/// </summary>
public static class RenamedSettings
{
    /// <summary>Old name, new name; a section's rename covers every key below it.</summary>
    public static readonly IReadOnlyList<(string Old, string New)> Renames =
    [
        // "Archive" is a web archive's (LinkHealth:ArchiveBaseUrl); these settings are our own saved copies'.
        ("Archive", "SavedCopies"),
    ];

    /// <summary>Every old key set in <paramref name="configuration"/>: the values to add under their new names (only
    /// where the new key is not set: the new name wins), and what to tell the operator.</summary>
    public static OldSettings Find(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var met = new List<OldSetting>();
        foreach (var (old, renamed) in Renames)
        {
            foreach (var (key, value) in configuration.GetSection(old).AsEnumerable())
            {
                // A section's own entry (some sources give it an empty value) is not a setting; its keys are.
                if (value is null || configuration.GetSection(key).GetChildren().Any()) continue;
                var newKey = renamed + key[old.Length..];
                var overridden = configuration[newKey] is not null;
                if (!overridden) values[newKey] = value;
                met.Add(new OldSetting(key, newKey, overridden));
            }
        }
        return new OldSettings(values, met);
    }
}

/// <summary>An old key that was set; <paramref name="Overridden"/> when its new key was set too and won.</summary>
public sealed record OldSetting(string OldKey, string NewKey, bool Overridden)
{
    /// <summary>What to tell the operator, for a command line's stderr.</summary>
    public string Warning => Overridden
        ? $"setting {OldKey} is deprecated and ignored: {NewKey} is set and wins"
        : $"setting {OldKey} is deprecated and was read as {NewKey}: rename it";
}

/// <summary>The old keys' values under their new names, and every old key met.</summary>
public sealed record OldSettings(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<OldSetting> Met);
