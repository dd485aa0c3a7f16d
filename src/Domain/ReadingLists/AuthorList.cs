using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>The authors after "by": linked names, plain names, and profile links that follow a name.</summary>
internal sealed partial class AuthorList
{
    private readonly List<(string Name, string? Url, List<string> Profiles)> _authors = [];
    private bool _inParentheses;

    public int Count => _authors.Count;

    public void Add(string name, string? url) => _authors.Add((name, url, []));

    public static bool StartsAuthors(string textAfterBy, bool linkFollows) =>
        textAfterBy.Trim().Length == 0 ? linkFollows : PlainName().IsMatch(textAfterBy.TrimStart());

    /// <summary>Takes a link in the author list; false when it is not an author's (the list has ended).</summary>
    public bool TakeLink(LinkToken link)
    {
        if (_authors.Count > 0 && (_inParentheses || Profiles.IsProfileText(link.Text)))
        {
            _authors[^1].Profiles.Add(link.Url);
            return true;
        }
        Add(link.Text, link.Url);
        return true;
    }

    /// <summary>Consumes separators and plain names; returns what is left, which ends the list.</summary>
    public string TakeText(string text)
    {
        while (true)
        {
            var separators = Separators().Match(text);
            foreach (var c in separators.Value)
            {
                if (c == '(') _inParentheses = true;
                if (c == ')') _inParentheses = false;
            }
            text = text[separators.Length..];
            if (text.Length == 0) return "";
            var name = PlainName().Match(text);
            if (!name.Success) return text;
            Add(name.Value.Trim(), null);
            text = text[name.Length..];
        }
    }

    public List<Author> ToList() => _authors.Select(a => new Author(a.Name, a.Url, a.Profiles)).ToList();

    [GeneratedRegex(@"^(?:\s|,|&|\(|\)|\band\b)*")]
    private static partial Regex Separators();

    // A plain, unlinked name ("Thomas Richter") that ends where the list does.
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}"
        + @"(?=\s*(?:$|,|&|\(|\band\b|[.;:]\s|[.;:]$))")]
    private static partial Regex PlainName();
}
