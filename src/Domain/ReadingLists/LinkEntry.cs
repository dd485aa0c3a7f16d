using System.Text.RegularExpressions;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// The usual entry: optional prefix ("Webinar:"), a title link or a quoted title, then
/// <c>by</c> and its authors with their profile links, then a description.
/// </summary>
internal static partial class LinkEntry
{
    public static EntryFields Read(List<InlineToken> tokens, DateOnly? date, bool hasChildren)
    {
        var reader = new TokenCursor(tokens);
        var authors = new AuthorList();
        var links = new List<EntryLink>();
        var description = new List<string>();
        string? title;
        LinkToken? primary = null;

        if (reader.TakeQuotedTitle() is { } quoted)
        {
            title = quoted;
        }
        else
        {
            var prefix = reader.TakeTextUntilLink();
            primary = reader.TakeLink();
            if (reader.TakePossessive() && reader.PeekLink() is not null)
            {
                // "[Solarwinds](url)' [Container Network Performance Tool](url)": the first link is the owner.
                authors.Add(primary!.Text, primary.Url);
                links.Add(new EntryLink(primary.Url, primary.Text, LinkRole.Author));
                primary = reader.TakeLink();
            }
            title = primary?.Text;
            description.Add(prefix.Trim().TrimEnd(':'));
            // "This trick is documented in [RFC5309](url)": the link is part of a sentence.
            if (primary is not null && WordCount(prefix) > 3) description.Add(primary.Text);
        }
        if (primary is not null) links.Add(new EntryLink(primary.Url, primary.Text, LinkRole.Primary));

        ReadTail(reader, authors, links, description);

        var kind = primary is null && hasChildren ? EntryKind.Group : EntryKind.Link;
        return new EntryFields(kind, date, EntryFieldReader.NullIfEmpty(title), primary?.Url, authors.ToList(),
            Description(description), links);
    }

    private static void ReadTail(TokenCursor reader, AuthorList authors, List<EntryLink> links,
        List<string> description)
    {
        var inAuthors = false;
        while (reader.Next() is { } token)
        {
            if (token is LinkToken link)
            {
                if (inAuthors && authors.TakeLink(link)) links.Add(new EntryLink(link.Url, link.Text, LinkRole.Author));
                else
                {
                    inAuthors = false;
                    links.Add(new EntryLink(link.Url, link.Text, LinkRole.Related));
                    description.Add(link.Text);
                }
                continue;
            }
            var text = ((TextToken)token).Text;
            if (!inAuthors && authors.Count == 0 && ByClause().Match(text) is { Success: true } by &&
                AuthorList.StartsAuthors(by.Groups[2].Value, reader.PeekLink() is not null))
            {
                description.Add(by.Groups[1].Value);
                text = by.Groups[2].Value;
                inAuthors = true;
            }
            if (inAuthors)
            {
                text = authors.TakeText(text);
                if (text.Length == 0) continue;
                inAuthors = false;
            }
            description.Add(text);
        }
    }

    private static string? Description(List<string> parts)
    {
        var text = InlineText.Collapse(string.Join(" ", parts.Where(p => p.Length > 0)));
        text = LeadingSeparators().Replace(text, "");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return EntryFieldReader.NullIfEmpty(text);
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // "by" at most three words after the title ("YouTube presentation by"), so prose such as
    // "hardware contributed by Facebook" is left alone.
    [GeneratedRegex(@"^(\s*(?:[\p{L}\p{N}'’-]+\s+){0,3})by\b(.*)$", RegexOptions.Singleline)]
    private static partial Regex ByClause();

    [GeneratedRegex(@"\s+([.,;:!?])(?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"^(?:[\s:;,.\-–—]|explains\b)+")]
    private static partial Regex LeadingSeparators();
}
