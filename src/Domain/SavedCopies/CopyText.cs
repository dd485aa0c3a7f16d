using System.Security.Cryptography;
using System.Text;

namespace ContainerNetLib.Domain.SavedCopies;

/// <summary>
/// The stored form of a copy's text: blocks separated by one blank line; a block starting "# ", "## " or "### " is
/// a heading of that level, "- " a list item, anything else a paragraph. Plain text only: it is shown encoded,
/// never rendered as Markdown or HTML, so nothing in a page's words can become a link, a tag or a script.
/// </summary>
public static class CopyText
{
    public static IEnumerable<CopyBlock> Blocks(string text)
    {
        foreach (var raw in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var level = raw.StartsWith("### ", StringComparison.Ordinal) ? 3
                : raw.StartsWith("## ", StringComparison.Ordinal) ? 2
                : raw.StartsWith("# ", StringComparison.Ordinal) ? 1 : 0;
            if (level > 0) yield return new(CopyBlockKind.Heading, raw[(level + 1)..], level);
            else if (raw.StartsWith("- ", StringComparison.Ordinal)) yield return new(CopyBlockKind.ListItem, raw[2..]);
            else yield return new(CopyBlockKind.Paragraph, raw);
        }
    }

    /// <summary>The words alone, blocks joined by blank lines: for search and for comparing versions.</summary>
    public static string Plain(string text) => string.Join("\n\n", Blocks(text).Select(b => b.Text));

    /// <summary>The first paragraph (not a heading or list item), or null.</summary>
    public static string? FirstParagraph(string text) =>
        Blocks(text).FirstOrDefault(b => b.Kind == CopyBlockKind.Paragraph)?.Text;

    public static int WordCount(string text) =>
        Plain(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

public enum CopyBlockKind
{
    Heading,
    Paragraph,
    ListItem,
}

/// <param name="Level">1 to 3 for a heading, 0 otherwise.</param>
public sealed record CopyBlock(CopyBlockKind Kind, string Text, int Level = 0);
