using System.Text;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>Composes a bullet in the list's convention: <c>2017-06-01: [Title](url) by [Author](url)</c>.</summary>
public static class EntryMarkdown
{
    public static string Compose(DateOnly? date, string title, string? url, IReadOnlyList<Author> authors,
        string? description)
    {
        var text = new StringBuilder();
        if (date is { } d) text.Append(d.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture)).Append(": ");
        text.Append(url is null ? EscapeText(title) : Link(title, url));
        for (var i = 0; i < authors.Count; i++)
        {
            text.Append(i == 0 ? " by " : i == authors.Count - 1 ? " and " : ", ");
            var author = authors[i];
            text.Append(author.Url is null ? EscapeText(author.Name) : Link(author.Name, author.Url));
            foreach (var profile in author.Profiles) text.Append(" (").Append(Link(ProfileLabel(profile),
                profile)).Append(')');
        }
        if (!string.IsNullOrWhiteSpace(description)) text.Append(": ").Append(description.Trim());
        return text.ToString();
    }

    public static string Link(string text, string url) => $"[{EscapeText(text)}]({Destination(url)})";

    private static string EscapeText(string text) =>
        text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").Replace("\n", " ");

    /// <summary>A link destination; angle brackets when it has spaces or unbalanced parentheses.</summary>
    private static string Destination(string url)
    {
        var depth = 0;
        var balanced = true;
        foreach (var c in url)
        {
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) balanced = false;
        }
        if (balanced && depth == 0 && !url.Any(char.IsWhiteSpace) && !url.Contains('<')) return url;
        return "<" + url.Replace("<", "%3C").Replace(">", "%3E").Replace(" ", "%20") + ">";
    }

    private static string ProfileLabel(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.Replace("www.", "").Split('.')[0] : "profile";
}
