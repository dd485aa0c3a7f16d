using System.Text;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Writes a reading list back to Markdown. Each node writes the lines it owns, in tree order,
/// so a parsed file comes back byte for byte (its <see cref="FileEnvelope"/> put back last).
/// </summary>
public static class ReadingListWriter
{
    public static string Write(ListDocument document)
    {
        var markdown = new StringBuilder(document.Preamble);
        foreach (var section in document.Sections) WriteSection(markdown, section);
        if (!document.EndsWithNewline && markdown.Length > 0 && markdown[^1] == '\n') markdown.Length--;
        return document.Envelope.Wrap(markdown.ToString());
    }

    private static void WriteSection(StringBuilder markdown, SectionNode section)
    {
        AppendLines(markdown, section.HeadingMarkdown);
        markdown.Append(section.IntroMarkdown);
        foreach (var entry in section.Entries) WriteEntry(markdown, entry);
        markdown.Append(section.OutroMarkdown);
        foreach (var child in section.Children) WriteSection(markdown, child);
    }

    private static void WriteEntry(StringBuilder markdown, EntryNode entry)
    {
        markdown.Append(entry.LeadingMarkdown);
        markdown.Append(entry.Indent).Append(entry.Marker);
        AppendLines(markdown, entry.Markdown);
        foreach (var child in entry.Children) WriteEntry(markdown, child);
    }

    private static void AppendLines(StringBuilder markdown, string text)
    {
        markdown.Append(text);
        if (text.Length == 0 || text[^1] != '\n') markdown.Append('\n');
    }
}
