using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// Reads a reading list from Markdown. Markdig's syntax tree decides the structure (headings
/// make sections, list items make entries); each source line is then owned by exactly one
/// node so that <see cref="ReadingListWriter"/> gives the file back as written.
/// </summary>
public static partial class ReadingListParser
{
    // One pipeline for the process: Markdig pipelines are immutable and thread-safe.
    // Plain CommonMark: the structure of a list must not depend on optional extensions.
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static ParseResult Parse(string markdown)
    {
        var text = Normalise(markdown);
        var state = new ParseState(new SourceLines(text));
        var document = Markdown.Parse(text, Pipeline);
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    state.StartSection(heading);
                    break;
                case ListBlock list when state.Current is not null:
                    state.AddItems(list, null, state.Current.Entries);
                    break;
                case ListBlock list:
                    state.Warn(list.Line, "a list before the first heading is kept as preamble text, not as entries");
                    break;
            }
        }
        state.Finish();
        return new ParseResult(state.Document, state.Warnings);
    }

    /// <summary>
    /// The only changes made to the text before parsing: a byte order mark is dropped and
    /// CR LF becomes LF (trailing white space is one of the documented round-trip normalisations).
    /// </summary>
    private static string Normalise(string markdown)
    {
        var text = markdown.Length > 0 && markdown[0] == '\uFEFF' ? markdown[1..] : markdown;
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    [GeneratedRegex(@"^([ \t]*)([*+-]|\d{1,9}[.)])([ \t]*)")]
    internal static partial Regex BulletPrefix();
}
