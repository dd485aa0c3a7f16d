using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class SectionHierarchyTests
{
    // 1 top > 2 middle > 3 bottom; 4 beside; listed children first, as the database may return them.
    private static readonly SectionHierarchy Tree = new([(3, 2, "bottom"), (2, 1, "middle"), (4, null, "beside"), (1, null, "top")]);

    [Fact]
    public void A_section_and_everything_below_it_reaches_every_depth()
    {
        // Otherwise: a section feed, search filter or link check misses the entries of sub-sub-sections.
        Assert.Equal([1, 2, 3], Tree.AndBelow("top")!.Order());
        Assert.Equal([2, 3], Tree.AndBelow(2).Order());
        Assert.Equal([3], Tree.AndBelow("bottom"));
        Assert.Equal([4], Tree.AndBelow("beside"));
    }

    [Fact]
    public void A_slug_that_names_no_section_gives_null()
    {
        // Otherwise: an unknown section reads as an empty one, and a typo in --section checks nothing silently.
        Assert.Null(Tree.AndBelow("nope"));
    }

    [Fact]
    public void A_cycle_ends_the_walk_instead_of_hanging()
    {
        // Otherwise: one damaged row would hang every reader page that counts entries.
        var cycle = new SectionHierarchy([(1, 2, "a"), (2, 1, "b")]);
        Assert.Equal([1, 2], cycle.AndBelow("a")!.Order());
    }
}
