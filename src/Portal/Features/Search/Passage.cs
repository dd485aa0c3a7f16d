using ContainerNetLib.Domain.Text;
using ContainerNetLib.Domain.SavedCopies;

namespace ContainerNetLib.Portal.Features.Search;

/// <summary>
/// The stretch of a saved page around the first searched word, cut at word boundaries, for a result found only in
/// the page: plain text (the page shows it encoded, with the words marked by <see cref="Highlighter"/>).
/// </summary>
public static class Passage
{
    private const int Before = 80;
    private const int After = 200;

    public static string Around(string copyText, Highlighter words)
    {
        var text = Whitespace.Collapse(CopyText.Plain(copyText));
        var at = Math.Max(0, words.FirstMatch(text));
        var start = at <= Before ? 0 : WordStart(text, at - Before);
        var end = text.Length - at <= After ? text.Length : WordEnd(text, at + After, at);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }

    private static int WordStart(string text, int from)
    {
        var space = text.IndexOf(' ', from);
        return space < 0 ? from : space + 1;
    }

    private static int WordEnd(string text, int from, int match)
    {
        var space = text.LastIndexOf(' ', from);
        return space <= match ? from : space;
    }
}
