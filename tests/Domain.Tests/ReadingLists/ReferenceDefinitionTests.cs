using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class ReferenceDefinitionTests
{
    [Fact]
    public void Each_definition_is_found_with_its_label_and_text_as_written()
    {
        // Otherwise: "[text][ref]" in an entry renders as plain brackets instead of a link.
        var found = ReferenceDefinition.In(
            "Intro.\n\n[dcs]: https://github.com/wsargent/docker-cheat-sheet\n[WS]: https://github.com/wsargent " +
            "\"Will\"\n");
        Assert.Equal([
            new ReferenceDefinition("dcs", "[dcs]: https://github.com/wsargent/docker-cheat-sheet"),
            new ReferenceDefinition("WS", "[WS]: https://github.com/wsargent \"Will\""),
        ], found);
    }

    [Fact]
    public void A_title_on_the_next_line_belongs_to_its_definition()
    {
        // Otherwise: a definition's title is lost in a large list read in pieces, and the link's tooltip with it.
        var definition = Assert.Single(ReferenceDefinition.In("[k8s]:\n  https://kubernetes.io/\n  'Kubernetes'\n"));
        Assert.Equal("[k8s]:\n  https://kubernetes.io/\n  'Kubernetes'", definition.Text);
    }

    [Theory]
    [InlineData("[inline](https://example.org/) and [text][ref]\n")]
    [InlineData("```\n[ref]: https://example.org/\n```\n")]
    [InlineData("A sentence\n[ref]: https://example.org/\n")]
    public void Text_that_only_looks_like_a_definition_is_none(string markdown)
    {
        // Otherwise: a code sample or a paragraph's line is moved next to every entry and shows up in pages.
        Assert.Empty(ReferenceDefinition.In(markdown));
    }
}
