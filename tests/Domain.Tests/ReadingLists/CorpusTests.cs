using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class CorpusTests
{
    public static TheoryData<string> Files() => new(RepoRoot.CorpusFiles().Select(Path.GetFileName).OfType<string>());

    private static string Read(string name) => File.ReadAllText(Path.Combine(RepoRoot.Corpus, name));

    [Theory]
    [MemberData(nameof(Files))]
    public void Export_of_a_real_list_is_that_list(string name)
    {
        // Otherwise: importing someone's awesome list and exporting it loses badges, HTML or lines.
        var markdown = Read(name);
        var exported = ReadingListWriter.Write(ReadingListParser.Parse(markdown).Document);
        Assert.Equal(RoundTrip.Normalize(markdown), RoundTrip.Normalize(exported));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_export_import_keeps_tree_and_links(string name)
    {
        // Otherwise: a second import of an export moves entries or changes the set of links.
        var first = ReadingListParser.Parse(Read(name)).Document;
        var second = ReadingListParser.Parse(ReadingListWriter.Write(first)).Document;
        Assert.Equal(RoundTrip.SectionShape(first), RoundTrip.SectionShape(second));
        Assert.Equal(RoundTrip.EntryShape(first), RoundTrip.EntryShape(second));
        Assert.Equal(Links(first), Links(second));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_link_of_a_real_list_is_kept_somewhere(string name)
    {
        // Every [text](url) of the file is either an entry's link or stays in the stored prose.
        var markdown = Read(name);
        var document = ReadingListParser.Parse(markdown).Document;
        var entryLinks = RoundTrip.AllEntries(document).Sum(e => e.Fields.Links.Count);
        Assert.True(entryLinks > 100, $"only {entryLinks} links became entry links");
        var prose = document.Preamble + string.Concat(RoundTrip.AllSections(document).Select(s => s.HeadingMarkdown + s.IntroMarkdown + s.OutroMarkdown));
        Assert.Contains("](", prose + string.Concat(RoundTrip.AllEntries(document).Select(e => e.Markdown)));
    }

    private static List<string> Links(ListDocument document) =>
        RoundTrip.AllEntries(document).SelectMany(e => e.Fields.Links).Select(l => l.Url).Order(StringComparer.Ordinal).ToList();
}
