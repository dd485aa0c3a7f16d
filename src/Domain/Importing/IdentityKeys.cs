namespace ContainerNetLib.Domain.Importing;

/// <summary>
/// Stable identities that match a file's sections and entries to the rows already stored, so an
/// edited file updates, adds and removes only what changed. A section is its path of titles; an
/// entry is its section path plus its normalised primary URL, or, without a URL, its parent and
/// its place among the URL-less bullets under that parent. Repeats get an occurrence number.
/// </summary>
internal sealed class IdentityKeys
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Section(string? parentKey, string title) => Occurrence($"{parentKey}\u001f{title}");

    public string Entry(string sectionKey, string? parentKey, string? normalizedUrl, int urlLessIndex) =>
        normalizedUrl is null
            ? Occurrence($"{sectionKey}\u001e{parentKey}\u001e@{urlLessIndex}")
            : Occurrence($"{sectionKey}\u001e{normalizedUrl}");

    private string Occurrence(string key)
    {
        var n = _seen.TryGetValue(key, out var count) ? count + 1 : 1;
        _seen[key] = n;
        return n == 1 ? key : $"{key}\u001d{n}";
    }
}
