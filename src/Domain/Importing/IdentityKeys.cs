namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// An entry's identity: its section and normalised primary URL, or, without a URL, its parent
/// and its place among the URL-less bullets under that parent; repeats are told apart by
/// occurrence. Made of references to strings that exist anyway, not a new string per entry.
/// </summary>
internal sealed record EntryKey(string Section, string? Url, EntryKey? Parent, int Index, int Occurrence);

/// <summary>
/// Stable identities that match a file's sections and entries to the rows already stored, so an
/// edited file updates, adds and removes only what changed. A section is its path of titles.
/// </summary>
internal sealed class IdentityKeys
{
    private readonly Dictionary<string, int> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<EntryKey, int> _entries = [];

    public string Section(string? parentKey, string title)
    {
        var key = $"{parentKey}\u001f{title}";
        var n = _sections.TryGetValue(key, out var count) ? count + 1 : 1;
        _sections[key] = n;
        return n == 1 ? key : $"{key}\u001d{n}";
    }

    public EntryKey Entry(string sectionKey, EntryKey? parentKey, string? normalizedUrl, int urlLessIndex)
    {
        var key = normalizedUrl is null
            ? new EntryKey(sectionKey, null, parentKey, urlLessIndex, 1)
            : new EntryKey(sectionKey, normalizedUrl, null, 0, 1);
        var n = _entries.TryGetValue(key, out var count) ? count + 1 : 1;
        _entries[key] = n;
        return n == 1 ? key : key with { Occurrence = n };
    }
}
