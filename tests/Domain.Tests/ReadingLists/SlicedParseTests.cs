using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Domain.ReadingLists;
using CsCheck;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Large lists are parsed in pieces; the pieces must add up to exactly what one parse gives.</summary>
public class SlicedParseTests
{
    public static TheoryData<string> Files() =>
        new(RepoRoot.CorpusFiles().Append(RepoRoot.Seed).Select(Path.GetFullPath));

    [Theory]
    [MemberData(nameof(Files))]
    public void Cutting_at_every_heading_gives_the_same_list(string path)
    {
        // Otherwise: a big import reads entries, links or warnings differently from a small one.
        AssertSame(File.ReadAllText(path));
    }

    [Fact]
    public void Reference_links_resolve_across_pieces()
    {
        const string markdown = "# A\n\n* [Cheat sheet][dcs]\n\n# B\n\n* [x](https://x.example/)\n\n[dcs]: https://github.com/wsargent/docker-cheat-sheet\n";
        var sliced = ReadingListParser.Parse(markdown, sliceChars: 1);
        Assert.Equal("https://github.com/wsargent/docker-cheat-sheet", sliced.Document.Sections[0].Entries[0].Fields.Url);
        AssertSame(markdown);
    }

    [Fact]
    public void Headings_inside_fences_html_and_comments_are_not_cut_at()
    {
        const string markdown = "# A\n\n```\n\n# not a heading\n```\n\n<pre>\n\n# not either\n</pre>\n\n<!--\n\n# nor this\n-->\n\n# B\n\n* [x](https://x.example/)\n";
        var lines = markdown.Split('\n')[..^1];
        Assert.Equal([(0, 17), (17, 20)], SliceSplitter.Split(lines, 1));
        AssertSame(markdown);
    }

    [Fact]
    public void Random_lists_parse_the_same_in_pieces()
    {
        Gen.Int[1, 12].Array[1, 8].Select(sizes => string.Concat(sizes.Select((n, s) =>
            $"{new string('#', 1 + s % 3)} Section {s}\n\nIntro [ref{s}] text.\n\n" +
            string.Concat(Enumerable.Range(0, n).Select(i => $"* {2000 + i}-01-0{1 + i % 9}: [T{i}](https://e.example/{s}/{i}) by [A B](https://a.example/{i})\n{(i % 3 == 0 ? "  * [child](https://c.example/" + i + ")\n" : "")}")) +
            $"\n[ref{s}]: https://r.example/{s}\n\n")))
            .Sample(AssertSame, iter: 300);
    }

    private static void AssertSame(string markdown)
    {
        var whole = ReadingListParser.Parse(markdown, sliceChars: int.MaxValue);
        var sliced = ReadingListParser.Parse(markdown, sliceChars: 1);
        Assert.Equal(ReadingListWriter.Write(whole.Document), ReadingListWriter.Write(sliced.Document));
        Assert.Equal(RoundTrip.SectionShape(whole.Document), RoundTrip.SectionShape(sliced.Document));
        Assert.Equal(
            RoundTrip.AllEntries(whole.Document).Select(e => (e.Line, e.Markdown, e.Fields)),
            RoundTrip.AllEntries(sliced.Document).Select(e => (e.Line, e.Markdown, e.Fields)));
        Assert.Equal(RoundTrip.AllSections(whole.Document).Select(s => s.Line), RoundTrip.AllSections(sliced.Document).Select(s => s.Line));
        Assert.Equal(whole.Warnings, sliced.Warnings);
    }
}
