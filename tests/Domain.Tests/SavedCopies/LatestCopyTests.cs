using ContainerNetLib.Domain.Entities;
using ContainerNetLib.Domain.SavedCopies;

namespace ContainerNetLib.Domain.Tests.SavedCopies;

public class LatestCopyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_copy_is_the_highest_version_even_when_the_clock_went_back()
    {
        // Otherwise: after the server's clock is corrected backwards, the section page dates an entry's copy by
        // the older version while its copy page shows the newer one.
        var copies = new[] { Copy("a", 1, Noon), Copy("a", 2, Noon.AddHours(-1)) }.AsQueryable();
        Assert.Equal(2, Assert.Single(LatestCopy.Of(copies, "a")).Number);
    }

    [Fact]
    public void Each_page_has_one_latest_copy()
    {
        // Otherwise: search finds an article twice, once for an old copy's text that the page no longer has.
        var copies = new[]
        {
            Copy("a", 1, Noon), Copy("a", 3, Noon.AddDays(2)), Copy("b", 1, Noon), Copy("a", 2, Noon.AddDays(1)),
        }.AsQueryable();
        Assert.Equal([("a", 3), ("b", 1)],
            LatestCopy.Each(copies).Select(c => ValueTuple.Create(c.NormalizedUrl, c.Number)).OrderBy(c => c.Item1));
    }

    [Fact]
    public void A_page_without_copies_has_no_latest()
    {
        // Otherwise: an entry shows another page's copy as its own.
        Assert.Empty(LatestCopy.Of(new[] { Copy("a", 1, Noon) }.AsQueryable(), "b"));
    }

    private static SavedCopy Copy(string url, int version, DateTimeOffset savedAt) => new()
    {
        NormalizedUrl = url, Number = version, SavedAt = savedAt, Url = url, FinalUrl = url, Host = "example.org",
        Text = "text", ContentHash = "hash",
    };
}
