using ContainerNetLib.Tests.Shared;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class SeedTests
{
    private static readonly string Seed = File.ReadAllText(RepoRoot.Seed);

    [Fact]
    public void Export_of_the_parsed_seed_is_the_seed()
    {
        // Otherwise: an export or a re-import silently rewrites what the team wrote.
        var parsed = ReadingListParser.Parse(Seed);
        Assert.Equal(RoundTrip.Normalize(Seed), RoundTrip.Normalize(ReadingListWriter.Write(parsed.Document)));
    }

    [Fact]
    public void Without_normalisation_the_seed_comes_back_byte_for_byte()
    {
        // The seed has no trailing white space, so nothing at all may change.
        var parsed = ReadingListParser.Parse(Seed);
        Assert.Equal(Seed, ReadingListWriter.Write(parsed.Document));
    }

    [Fact]
    public void Seed_has_the_expected_shape()
    {
        // Otherwise: readers see sections or entries missing, or links counted twice.
        var document = ReadingListParser.Parse(Seed).Document;
        var entries = RoundTrip.AllEntries(document).ToList();
        var links = entries.SelectMany(e => e.Fields.Links).ToList();

        Assert.Equal(7, RoundTrip.AllSections(document).Count());
        Assert.Equal(102, entries.Count);
        Assert.Equal(25, RoundTrip.AllSections(document).Sum(s => s.Entries.Count));
        Assert.Equal(122, links.Count);
        Assert.Equal(120, links.Select(l => UrlNormalizer.Normalize(l.Url)).Distinct().Count());
        Assert.Equal(45, entries.Count(e => e.Fields.Date is not null));
    }

    [Fact]
    public void Seed_parses_without_warnings()
    {
        // Every bullet of the seed follows a known convention; a warning here means one was misread.
        Assert.Empty(ReadingListParser.Parse(Seed).Warnings);
    }
}
