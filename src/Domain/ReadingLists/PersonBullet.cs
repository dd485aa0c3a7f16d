using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// A bullet that names a person, such as <c>[Thomas Graf](url), [linkedin](url)</c> or
/// <c>[Jon Langemak](url) on [github](url)</c>, whose children are that person's posts.
/// </summary>
internal static partial class PersonBullet
{
    public static EntryFields? TryRead(List<InlineToken> tokens, DateOnly? date, bool hasChildren)
    {
        if (date is not null || tokens.Count == 0) return null;
        var start = tokens[0] is TextToken lead && string.IsNullOrWhiteSpace(lead.Text) ? 1 : 0;
        if (start >= tokens.Count || tokens[start] is not LinkToken person || !PersonName().IsMatch(person.Text))
            return null;

        var rest = tokens.Skip(start + 1).ToList();
        // Only connectors between the name and its profile links: anything else is a sentence about a link.
        if (rest.OfType<TextToken>().Any(t => !Connector().IsMatch(t.Text))) return null;
        var others = rest.OfType<LinkToken>().ToList();
        var profiles = others.Where(l => Profiles.IsProfileText(l.Text)).ToList();
        if (!hasChildren && profiles.Count == 0) return null;

        var links = new List<EntryLink> { new(person.Url, person.Text, LinkRole.Primary) };
        links.AddRange(others.Select(l => new EntryLink(l.Url, l.Text,
            profiles.Contains(l) ? LinkRole.Author : LinkRole.Related)));
        var related = others.Where(l => !profiles.Contains(l)).Select(l => l.Text);
        var author = new Author(person.Text, person.Url, profiles.Select(p => p.Url).ToList());
        return new EntryFields(EntryKind.Person, null, person.Text, person.Url, [author],
            EntryFieldReader.NullIfEmpty(string.Join(", ", related)), links);
    }

    // Two to four capitalised words: "Jon Langemak", "Ralph Mönchmeyer", "Mary-Ann O'Neil".
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}'’.-]*(\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^[\s,;:()]*((on|and|and (his|her|their)|at|or)[\s,;:()]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();
}
