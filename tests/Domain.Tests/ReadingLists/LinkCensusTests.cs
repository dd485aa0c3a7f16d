using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Every web link a reader sees in a list is a link the portal knows, or is navigation.</summary>
public class LinkCensusTests
{
    public static TheoryData<string> EveryCorpusFile() => new(Directory
        .EnumerateFiles(RepoRoot.Corpus, "*.md", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoRoot.Corpus, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EveryCorpusFile))]
    public void No_link_in_a_real_list_is_unknown(string name)
    {
        // Otherwise: the report says "65 links checked" about a list that holds 1,728, and nobody is told.
        var parsed = ReadingListParser.Parse(File.ReadAllText(Path.Combine(RepoRoot.Corpus, name)));
        Assert.Equal([], parsed.Census.UnknownLinks.Select(u => $"line {u.Line}: {u.Url}").Take(40));
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
        Assert.Equal(1, census.NotShownLinks);
        Assert.Equal([], census.UnknownLinks);
    }

    [Fact]
    public void Links_before_the_first_heading_and_in_headings_are_not_shown_and_others_outside_entries_are_unknown()
    {
        // Otherwise: a preamble's "follow me" line is reported as a lost link, or a link a reader does see in an
        // unclosed HTML block is counted as known and never checked.
        var census = ReadingListParser.Parse("Follow [me](https://me.example/).\n\n# [Site](https://site.example/)" +
            "\n\n## Links [![b](https://img.shields.io/b.svg)](https://ci.example/)\n\n* [A](https://a.example/)\n" +
            "\nTitle\n=====\n\nSee <https://p.example/>.\n\n<pre>\n<a href=\"https://lost.example/\">x</a>\n").Census;
        Assert.Equal(2, census.NotShownLinks);
        Assert.Equal(1, census.NavigationLinks);
        Assert.Equal([new UnknownLink(14, "https://lost.example/")], census.UnknownLinks);
        Assert.Equal(2, census.LinksByPlace.Values.Sum());
    }
}
