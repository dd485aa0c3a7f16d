using System.Buffers;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.Text;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>A line of Markdown that cannot be taken, and why, as a phrase ("lists or block quotes nested 5,000 levels
/// deep; the limit is 32"); <see cref="Line"/> is 1-based.</summary>
public sealed record LineProblem(int Line, string Problem)
{
    public override string ToString() => $"line {Line:N0}: {Problem}";
}

/// <summary>Markdown refused before it was parsed; the message is one line for the user ("line 35: …").</summary>
public sealed class RefusedMarkdownException(LineProblem problem) : InvalidInputException(problem.ToString())
{
    public LineProblem Problem => problem;
}

/// <summary>
/// Markdown the list does not take, found in one pass over the text before anything is parsed: characters the list
/// cannot hold (<see cref="TextRule"/>), and the inputs whose parsing costs grow with the square of their size rather
/// than with it. Markdig's time grows with the nesting depth times the lines (figures in docs/benchmarks.md), and
/// within a paragraph with every opener left unmatched: link brackets, emphasis marks, backtick runs,
/// HTML comments, link destinations never closed; and with the number of link reference definitions anywhere. Real
/// lists stay far below every limit (nesting 6, a paragraph's emphasis marks 30, definitions a few hundred). Where
/// this reading is unsure (code blocks and HTML are read as text too, and a paragraph may run on past a line Markdig
/// starts anew) it counts more than Markdig parses, never less.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Lists and block quotes inside each other, and link brackets open at once.</summary>
    public const int MaxDepth = 32;

    /// <summary>Emphasis marks (* _ ~~) and backtick runs in one paragraph.</summary>
    public const int MaxMarks = 256;

    /// <summary>Link reference definitions ("[label]: url" lines) in the whole text: Markdig's time grows with the
    /// square of their number wherever they stand (docs/benchmarks.md).</summary>
    public const int MaxDefinitions = 10_000;

    /// <summary>Parentheses left open on one line (a link destination never closed), and HTML comments, declarations
    /// and processing instructions in one paragraph.</summary>
    public const int MaxUnclosed = 64;

    /// <summary>The first line the list does not take, or null.</summary>
    public static LineProblem? Find(string text)
    {
        var paragraph = new Paragraph();
        var definitions = 0;
        var number = 0;
        for (var start = 0; start <= text.Length;)
        {
            // Lines end as the parser ends them: at LF, CR LF or a lone CR.
            var length = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (length < 0) length = text.Length - start;
            var line = text.AsSpan(start, length);
            start += length + (text.AsSpan(start + length).StartsWith("\r\n") ? 2 : 1);
            number++;
            var refused = TextRule.FirstRefused(line);
            if (refused >= 0)
                return new LineProblem(number, $"{TextRule.Describe(line[refused])} at column {refused + 1:N0}, " +
                    "which the list cannot store: remove it");
            if (line.IsWhiteSpace())
            {
                paragraph.Clear();
                continue;
            }
            var prefix = Prefix.Of(line);
            if (prefix.Depth > MaxDepth)
                return new LineProblem(number,
                    $"lists or block quotes nested deeper than the limit of {MaxDepth} levels");
            if (prefix.StartsBlock) paragraph.Clear();
            if (IsDefinition(line[prefix.Length..]) && ++definitions > MaxDefinitions)
                return new LineProblem(number,
                    $"more link reference definitions than the limit of {MaxDefinitions:N0}");
            if (paragraph.Read(line[prefix.Length..]) is { } problem) return new LineProblem(number, problem);
        }
        return null;
    }

    /// <summary>
    /// The containers a line with a block-quote mark or a bullet opens or stays in: its marks, and one level for each
    /// two columns of white space among them. Never fewer than the containers Markdig holds open for it (each level is
    /// a mark on the line or the two or more columns its item's content is indented by). Containers are opened only by
    /// such lines, so a line without a mark (code, a continuation) adds no depth, however far it is indented.
    /// </summary>
    private readonly record struct Prefix(int Depth, int Length, bool StartsBlock)
    {
        public static Prefix Of(ReadOnlySpan<char> line)
        {
            int marks = 0, columns = 0, i = 0;
            var startsBlock = false;
            // Past the limit, how much deeper no longer matters: the scan stops there, whatever the line's length.
            while (i < line.Length && (marks == 0 || marks + columns / 2 <= MaxDepth))
            {
                var c = line[i];
                if (c == ' ') columns++;
                else if (c == '\t') columns += 4 - columns % 4;
                else if (c == '>') marks++;
                else if (Bullet(line[i..]) is var bullet and > 0)
                {
                    // A bullet at most three columns in is always a new list item: the paragraph before it has ended.
                    if (marks == 0 && columns <= 3 && Interrupts(line[i..], bullet)) startsBlock = true;
                    marks++;
                    i += bullet;
                    continue;
                }
                else break;
                i++;
            }
            if (marks == 0 && columns <= 3 && Heading(line[i..])) startsBlock = true;
            // Indentation alone opens nothing (code, a continuation): only a line with a mark can be nested deeper.
            return new Prefix(marks == 0 ? 0 : marks + columns / 2, i, startsBlock);
        }

        /// <summary>The length of a list marker ("*", "-", "+", "12.", "3)") followed by white space or the end.
        /// </summary>
        private static int Bullet(ReadOnlySpan<char> text)
        {
            var length = text[0] is '*' or '-' or '+' ? 1 : 0;
            if (length == 0)
            {
                while (length < text.Length && length < 9 && char.IsAsciiDigit(text[length])) length++;
                if (length == 0 || length >= text.Length || text[length] is not ('.' or ')')) return 0;
                length++;
            }
            return length == text.Length || text[length] is ' ' or '\t' ? length : 0;
        }

        /// <summary>Whether the list item may interrupt a paragraph (CommonMark: unordered, or ordered from 1, and
        /// not empty).</summary>
        private static bool Interrupts(ReadOnlySpan<char> text, int bullet) =>
            (bullet == 1 || text[..bullet] is "1." or "1)") && !text[bullet..].IsWhiteSpace();

        private static bool Heading(ReadOnlySpan<char> text)
        {
            var level = 0;
            while (level < text.Length && text[level] == '#') level++;
            return level is >= 1 and <= 6 && (level == text.Length || text[level] is ' ' or '\t');
        }
    }

    /// <summary>What one paragraph (inline text up to a blank line or a new list item) holds so far.</summary>
    private sealed class Paragraph
    {
        private static readonly SearchValues<char> Syntax = SearchValues.Create("\\[]()<*_`~");

        private int _brackets;
        private int _marks;
        private int _markup;

        public void Clear() => _brackets = _marks = _markup = 0;

        public string? Read(ReadOnlySpan<char> line)
        {
            var parentheses = 0;
            for (var i = 0; i < line.Length; i++)
            {
                // Plain text is skipped in bulk: most of a line is words.
                var skip = line[i..].IndexOfAny(Syntax);
                if (skip < 0) break;
                i += skip;
                var c = line[i];
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        if (++_brackets > MaxDepth)
                            return $"more link brackets ([) open at once than the limit of {MaxDepth}";
                        break;
                    case ']':
                        if (_brackets > 0) _brackets--;
                        break;
                    case '(':
                        if (++parentheses > MaxUnclosed)
                            return $"more parentheses open at once than the limit of {MaxUnclosed}";
                        break;
                    case ')':
                        if (parentheses > 0) parentheses--;
                        break;
                    case '<' when i + 1 < line.Length && line[i + 1] is '!' or '?':
                        if (++_markup > MaxUnclosed)
                            return "more HTML comments or declarations in one paragraph than the limit of " +
                                $"{MaxUnclosed}";
                        break;
                    case '*' or '_' or '`' or '~':
                        var end = i;
                        while (end + 1 < line.Length && line[end + 1] == c) end++;
                        if (IsMark(line, i, end) && ++_marks > MaxMarks)
                            return "more emphasis marks and backtick runs in one paragraph than the limit of " +
                                $"{MaxMarks}";
                        i = end;
                        break;
                }
            }
            return null;
        }

        /// <summary>Whether a run of one character can open or close something: "snake_case" and a single "~"
        /// cannot.</summary>
        private static bool IsMark(ReadOnlySpan<char> line, int start, int end) => line[start] switch
        {
            '~' => end > start,
            '_' => !(start > 0 && char.IsLetterOrDigit(line[start - 1]) && end + 1 < line.Length &&
                char.IsLetterOrDigit(line[end + 1])),
            _ => true,
        };
    }

    /// <summary>Whether the line looks like a link reference definition ("[label]: url"): a label at most three
    /// spaces in.</summary>
    private static bool IsDefinition(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(' ');
        if (line.Length - text.Length > 3 || text.Length == 0 || text[0] != '[') return false;
        var close = text.IndexOf("]:");
        return close > 1;
    }
}
