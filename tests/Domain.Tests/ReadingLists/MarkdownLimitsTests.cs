using System.Diagnostics;
using System.Text;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Markdown whose parsing would cost more than its length is refused before it is parsed, naming the line and
/// the limit.</summary>
public class MarkdownLimitsTests
{
    /// <summary>A list nested <paramref name="levels"/> deep, one bullet per level: 25 MB at 5,000 levels.</summary>
    public static string NestedList(int levels)
    {
        var text = new StringBuilder("# Deep\n\n");
        for (var i = 0; i < levels; i++) text.Append(' ', 2 * i).Append("* level ").Append(i + 1).Append('\n');
        return text.ToString();
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void A_list_nested_thousands_deep_is_refused_at_the_first_line_past_the_limit_at_once(int levels)
    {
        // Otherwise: import --dry-run of a 25 MB list runs for minutes and ends in a stack trace (exit 1).
        var markdown = NestedList(levels);
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<RefusedMarkdownException>(() => ReadingListParser.Parse(markdown));
        clock.Stop();

        // Line 1 is the heading, line 2 blank: level 33 is line 35.
        Assert.Equal(new LineProblem(35, "lists or block quotes nested deeper than the limit of 32 levels"),
            refused.Problem);
        Assert.Equal("line 35: lists or block quotes nested deeper than the limit of 32 levels", refused.Message);
        // Milliseconds on a quiet machine; the bound leaves room for a busy test run.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_list_nested_to_the_limit_is_read_as_written()
    {
        // Otherwise: a legitimately deep outline is refused.
        var markdown = NestedList(MarkdownLimits.MaxDepth);
        var result = ReadingListParser.Parse(markdown);
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
        Assert.Null(MarkdownLimits.Find(markdown));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string Lines(int count, Func<int, string> line) =>
        string.Concat(Enumerable.Range(1, count).Select(line));

    /// <summary>Markdig's known pathological inputs, each of a size that takes it from a second to minutes.</summary>
    public static TheoryData<string, string, string> Pathological() => new()
    {
        { "block quotes on one line", "# S\n\n" + Repeat("> ", 100_000) + "x\n", "block quotes nested deeper" },
        { "block quotes line by line", "# S\n\n" + Lines(3_000, i => new string('>', i) + " x\n"),
            "block quotes nested deeper" },
        { "bullets on one line", "# S\n\n" + Repeat("* ", 100_000) + "x\n", "lists or block quotes nested deeper" },
        { "bracket run", "# S\n\n* " + new string('[', 100_000) + "\n", "link brackets ([) open at once" },
        { "nested brackets", "# S\n\n* " + new string('[', 10_000) + "a" + new string(']', 10_000) + "\n",
            "link brackets" },
        { "link openers", "# S\n\n* " + Repeat("[a", 30_000) + "\n", "link brackets" },
        { "unclosed link destinations", "# S\n\n* " + Repeat("[a](b", 100_000) + "\n", "parentheses open at once" },
        { "brackets and parentheses", "# S\n\n* " + Repeat("[ (](", 100_000) + "\n", "parentheses open at once" },
        { "emphasis openers", "# S\n\n* " + Repeat("_a ", 30_000) + "\n", "emphasis marks" },
        { "emphasis closers", "# S\n\n* " + Repeat("a_ ", 30_000) + "\n", "emphasis marks" },
        { "nested strong emphasis", "# S\n\n* " + Repeat("*a **a ", 10_000) + "b" + Repeat(" a** a*", 10_000) + "\n",
            "emphasis marks" },
        { "emphasis over many lines", "# S\n\n* start\n" + Repeat("  *a\n", 10_000), "emphasis marks" },
        { "backtick runs", "# S\n\n* " + Lines(3_000, i => "e" + new string('`', i)) + "\n", "backtick runs" },
        { "unclosed comments", "# S\n\n* " + Repeat("<!--", 100_000) + "\n", "HTML comments" },
        { "definitions in a row", "# S\n\n" + Repeat("[a]: u\n", 100_000), "link reference definitions" },
        { "definitions apart", "# S\n\n" + Lines(20_000, i => $"[d{i}]: https://d.example/{i}\n\n"),
            "link reference definitions" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void A_pathological_input_is_refused_before_parsing_with_its_line_and_limit(string kind, string markdown,
        string expected)
    {
        // Otherwise: one hostile paragraph holds a core for minutes, in the importer, a bulk add or the write API.
        var clock = Stopwatch.StartNew();
        var problem = MarkdownLimits.Find(markdown);
        clock.Stop();
        Assert.True(problem is not null, kind);
        Assert.Contains(expected, problem.Problem);
        Assert.Contains("the limit of", problem.Problem);
        Assert.True(problem.Line >= 3, $"{kind}: line {problem.Line}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{kind} took {clock.Elapsed}");
    }

    [Fact]
    public void A_nul_is_refused_with_its_line_and_column_whatever_the_line_endings()
    {
        // Otherwise: the importer says the file is "binary" and the curator cannot find the one bad character.
        Assert.Equal(new LineProblem(4, "U+0000 (NUL) at column 7, which the list cannot store: remove it"),
            MarkdownLimits.Find("# S\n\n* ok\n* bad \0 line\n"));
        Assert.Equal(4, MarkdownLimits.Find("# S\r\n\r\n* ok\r\n* bad \0 line\r\n")!.Line);
        Assert.Equal(4, MarkdownLimits.Find("# S\r\r* ok\r* bad \0 line\r")!.Line);
    }

    [Fact]
    public void Paragraphs_are_counted_apart_so_a_long_list_of_ordinary_bullets_is_taken()
    {
        // Otherwise: a list of a thousand bullets with bold titles is refused as if it were one hostile paragraph.
        var markdown = "# S\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i =>
            $"* **[Title {i}](https://e.example/{i}_page_(v2))** by _Ann_, `code` and ~~old~~\n"));
        Assert.Null(MarkdownLimits.Find(markdown));
    }

    [Fact]
    public void Deep_indentation_without_a_bullet_or_a_quote_is_no_nesting()
    {
        // Otherwise: a code sample indented 80 columns (ASCII art, generated JSON) gets its list refused.
        Assert.Null(MarkdownLimits.Find("# S\n\n* item\n\n```\n" + new string(' ', 80) + "deep code\n```\n"));
    }

    [Fact]
    public void The_seed_and_the_fixed_list_are_within_every_limit()
    {
        // Otherwise: the shipped list cannot be imported.
        Assert.Null(MarkdownLimits.Find(File.ReadAllText(RepoRoot.Seed)));
        Assert.Null(MarkdownLimits.Find(File.ReadAllText(RepoRoot.FixedList)));
    }
}
