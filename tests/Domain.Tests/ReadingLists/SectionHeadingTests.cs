using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class SectionHeadingTests
{
    [Fact]
    public void Section_tree_follows_heading_levels()
    {
        // Otherwise: a "###" section shows beside its parent instead of under it.
        var document = ReadingListParser.Parse(File.ReadAllText(RepoRoot.FixedList)).Document;
        Assert.Equal(["Docker and Kubernetes", "General underlying Linux features"], document.Sections.Select(s => s.Title));
        Assert.Equal(
            ["Overview", "vxlan, veth, bridges, namespaces, L2, L3, etc.", "Simulation and Testing", "Network Debugging", "Linux Network Programming"],
            document.Sections[1].Children.Select(s => s.Title));
    }
}
