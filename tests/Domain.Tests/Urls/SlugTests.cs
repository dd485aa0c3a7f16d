using ContainerNetLib.Domain.Urls;

namespace ContainerNetLib.Domain.Tests.Urls;

public class SlugTests
{
    [Theory]
    [InlineData("Docker and Kubernetes", "docker-and-kubernetes")]
    [InlineData("vxlan, veth, bridges, namespaces, L2, L3, etc.", "vxlan-veth-bridges-namespaces-l2-l3-etc")]
    [InlineData("Ralph Mönchmeyer", "ralph-monchmeyer")]
    [InlineData("  C++ / C#  ", "c-c")]
    [InlineData("🐳 Docker", "docker")]
    [InlineData("✨✨", "section")]
    public void Slugs_are_lowercase_ascii_words_joined_by_dashes(string title, string expected)
    {
        // Otherwise: shared section links contain spaces, accents or emoji that chat tools mangle.
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void Colliding_slugs_are_made_unique()
    {
        var taken = new HashSet<string> { "security", "security-2" };
        Assert.Equal("security-3", Slug.Unique("security", taken.Contains));
        Assert.Equal("tools", Slug.Unique("tools", taken.Contains));
    }

    [Fact]
    public void Long_titles_are_cut()
    {
        Assert.True(Slug.From(new string('a', 300)).Length <= Slug.MaxLength);
    }
}
