using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Every web link a reader sees in a list is a link the portal knows, or is navigation.</summary>
public class LinkCensusTests
{
    public static TheoryData<string> EveryCorpusFile() => new(Directory
        .EnumerateFiles(RepoRoot.Corpus, "*.md", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoRoot.Corpus, f)).Order(StringComparer.Ordinal));

    /// <summary>Not yet: links before the first heading (the preamble) and links in headings are no entry's and are
    /// listed as unknown (issue 23, §4: the import says so, line by line).</summary>
    [Theory]
    [MemberData(nameof(EveryCorpusFile))]
    public void No_link_a_reader_sees_in_a_real_lists_sections_is_unknown(string name)
    {
        // Otherwise: the report says "65 links checked" about a list that holds 1,728, and nobody is told.
        var parsed = ReadingListParser.Parse(File.ReadAllText(Path.Combine(RepoRoot.Corpus, name)));
        var headings = RoundTrip.AllSections(parsed.Document).Select(s => s.Line).ToHashSet();
        var firstHeading = parsed.Document.Sections.FirstOrDefault()?.Line ?? int.MaxValue;
        Assert.Equal([], parsed.Census.UnknownLinks.Where(u => u.Line > firstHeading && !headings.Contains(u.Line))
            .Select(u => $"line {u.Line}: {u.Url}").Take(40));
        var known = parsed.Census.LinksByPlace.Values.Sum();
        Assert.True(known > 40, $"only {known} links known");
    }

    [Fact]
    public void The_census_counts_entries_by_shape_links_by_place_and_navigation()
    {
        // Otherwise: import --json says nothing of the table rows and passages it read.
        var census = ReadingListParser.Parse("See [G](https://g.example/).\n\n" +
            "[![b](https://img.shields.io/b.svg)](https://ci.example/)\n\n" +
            "# Contents\n\n* [Tools](#tools)\n\n# Tools\n\n* [A](https://a.example/)\n\n" +
            "| Name | Note |\n|---|---|\n| [B](https://b.example/) | [C](https://c.example/) |\n\n" +
            "See [D](https://d.example/).\n\n<p><a href=\"https://e.example/\">E</a></p>\n\n" +
            "* Item\n\n  Second paragraph with [F](https://f.example/).\n").Census;
        Assert.Equal(new Dictionary<string, int> { ["bullet"] = 3, ["tableRow"] = 1, ["passage"] = 2 },
            census.EntriesByKind);
        Assert.Equal(new Dictionary<string, int> { ["bullet"] = 2, ["table"] = 2, ["prose"] = 1, ["html"] = 1 },
            census.LinksByPlace);
        Assert.Equal(2, census.NavigationLinks);
        Assert.Equal([new UnknownLink(1, "https://g.example/")], census.UnknownLinks);
    }
}
