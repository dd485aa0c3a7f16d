using System.Text;
using System.Text.RegularExpressions;
using ContainerNetLib.Domain.Text;
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

    /// <summary>
    /// Lists larger than this are parsed in pieces, two at a time: one syntax tree of a whole large list holds many
    /// times its size in memory and keeps the second core idle (docs/benchmarks.md, the import).
    /// </summary>
    internal const int SliceChars = 1 << 20;

    public static ParseResult Parse(string markdown) => Parse(markdown, SliceChars);

    /// <exception cref="RefusedMarkdownException">The text breaks one of <see cref="MarkdownLimits"/>, or an entry is
    /// longer than <see cref="TextField.EntryMarkdown"/> allows.</exception>
    internal static ParseResult Parse(string markdown, int sliceChars)
    {
        var (envelope, text) = FileEnvelope.Open(markdown);
        var source = new SourceLines(text);
        // Before Markdig sees it: what would cost more than its length to parse is refused, not tried.
        if (MarkdownLimits.Find(source.Text) is { } problem) throw new RefusedMarkdownException(problem);
        var slices = source.Text.Length > sliceChars ? SliceSplitter.Split(source, sliceChars) : [(0, source.Count)];
        // Reference-style links resolve against definitions anywhere in the file, so with several
        // pieces every piece gets every definition appended after its own lines.
        var definitions = slices.Count > 1 && MaybeDefinition().IsMatch(source.Text) ? CollectDefinitions(source,
            slices) : "";

        var states = new ParseState[slices.Count];
        try
        {
            Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i =>
            {
                var (start, end) = slices[i];
                states[i] = ParseSlice(slices.Count == 1 ? source : new SourceLines(source.Join(start,
                    end) + definitions), end - start, start);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var result = Assemble(states, source.EndsWithNewline);
        result.Document.Envelope = envelope;
        return result;
    }

    private static ParseState ParseSlice(SourceLines slice, int ownedLines, int lineOffset)
    {
        var state = new ParseState(slice, ownedLines, lineOffset);
        var document = ParseStructure(slice.Text, state);
        foreach (var block in document)
        {
            if (block.Line >= ownedLines) continue;
            switch (block)
            {
                case HeadingBlock { IsSetext: true } heading when state.Current is not null &&
                    TableEntries.Find(AboveUnderline(slice, heading)) is { } underlined:
                    // A table right above a "---" line: GitHub shows the table and a rule, not a heading.
                    state.AddTable(slice.LineOf(heading.Span.Start), underlined);
                    break;
                case HeadingBlock heading:
                    state.StartSection(heading);
                    break;
                case ListBlock list when state.Current is not null:
                    state.AddItems(list, null, state.Current.Entries);
                    break;
                case ListBlock list:
                    state.Warn(list.Line, "a list before the first heading is kept as preamble text, not as entries");
                    break;
                case ParagraphBlock paragraph when state.Current is not null:
                    if (TableEntries.Find(TextOf(slice, paragraph)) is { } table) state.AddTable(paragraph.Line, table);
                    else state.AddPassage(paragraph);
                    break;
                case QuoteBlock quote when state.Current is not null:
                    state.AddPassage(quote);
                    break;
                case HtmlBlock html when state.Current is not null && !PassageEntry.IsClosed(html):
                    state.Warn(html.Line, "an HTML block that never closes runs to the end of the file; kept as text");
                    break;
                case HtmlBlock html when state.Current is not null:
                    state.AddPassage(html);
                    break;
            }
        }
        state.Finish();
        state.ReadFields();
        state.Seen = LinkCensus.Seen(document, slice, ownedLines, lineOffset, state.HeadingLines,
            state.LinksRead);
        return state;
    }

    /// <summary>A setext heading's text lines; Markdig gives the heading the underline's line.</summary>
    private static string AboveUnderline(SourceLines slice, HeadingBlock heading) =>
        slice.Join(slice.LineOf(heading.Span.Start), heading.Line);

    private static string TextOf(SourceLines slice, Block block) =>
        slice.Join(block.Line, Math.Max(block.Line, slice.LineOf(block.Span.End)) + 1);

    /// <summary>Markdig's tree of the text; over-nested lines are read as plain text (see <see
    /// cref="NestingGuard"/>).</summary>
    private static MarkdownDocument ParseStructure(string text, ParseState state)
    {
        try
        {
            return Markdown.Parse(text, Pipeline);
        }
        catch (Exception e) when (NestingGuard.IsDepthLimit(e))
        {
            // Nesting spread over several moderate lines needs a lower bar; the last try defuses every nesting
            // character.
            foreach (var limit in new[] { NestingGuard.MaxPerLine, 8, 0 })
            {
                var (defused, lines) = NestingGuard.Defuse(text, limit);
                try
                {
                    var document = Markdown.Parse(defused, Pipeline);
                    foreach (var line in lines.Where(l => l < state.OwnedLines))
                        state.Warn(line, "nested deeper than Markdown allows; kept as plain text");
                    return document;
                }
                catch (Exception again) when (NestingGuard.IsDepthLimit(again))
                {
                }
            }
            throw;
        }
    }

    /// <summary>Builds the section tree from the pieces' flat sections by heading level.</summary>
    private static ParseResult Assemble(ParseState[] states, bool endsWithNewline)
    {
        var document = new ListDocument { EndsWithNewline = endsWithNewline };
        var open = new Stack<SectionNode>();
        var warnings = new List<ParseWarning>();
        foreach (var state in states)
        {
            document.Preamble += state.Preamble;
            warnings.AddRange(state.Warnings);
            foreach (var section in state.Sections)
            {
                while (open.Count > 0 && open.Peek().Level >= section.Level) open.Pop();
                (open.Count > 0 ? open.Peek().Children : document.Sections).Add(section);
                open.Push(section);
            }
        }
        return new ParseResult(document, warnings)
        {
            Census = LinkCensus.Of(document, states.SelectMany(s => s.Seen)),
        };
    }

    /// <summary>The source text of every link reference definition, found in each piece, one per line.</summary>
    private static string CollectDefinitions(SourceLines source, List<(int Start, int End)> slices)
    {
        var texts = new string[slices.Count];
        Parallel.For(0, slices.Count, i =>
        {
            var found = new StringBuilder();
            foreach (var definition in ReferenceDefinition.In(source.Join(slices[i].Start, slices[i].End)))
                found.Append(definition.Text).Append('\n');
            texts[i] = found.ToString();
        });
        var all = string.Concat(texts);
        return all.Length == 0 ? "" : "\n" + all;
    }

    [GeneratedRegex(@"^([ \t]*)([*+-]|\d{1,9}[.)])([ \t]*)")]
    internal static partial Regex BulletPrefix();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex MaybeDefinition();
}
