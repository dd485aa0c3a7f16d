using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Portal.Infrastructure.Rendering;

namespace ContainerNetLib.Portal.Tests.Safety;

public class ReferenceSetTests
{
    private static readonly ReferenceSet References = new(ReferenceDefinition.In(
        "Intro.\n\n[dcs]: https://github.com/wsargent/docker-cheat-sheet\n[WS]: https://github.com/wsargent\n[other]: https://other.example/\n"));

    [Fact]
    public void An_entry_gets_only_the_definitions_it_names_in_any_case()
    {
        // Otherwise: every entry of a list with hundreds of definitions re-parses all of them.
        var used = References.For("[Docker Cheat Sheet][DCS] by [@wsargent][ws]");
        Assert.Contains("[dcs]: https://github.com/wsargent/docker-cheat-sheet", used);
        Assert.Contains("[WS]: https://github.com/wsargent", used);
        Assert.DoesNotContain("other.example", used);
        Assert.Equal("", References.For("[plain](https://x.example/) text"));
    }

    [Fact]
    public void A_reference_link_renders_with_its_target()
    {
        var markdown = "[Docker Cheat Sheet][dcs]";
        var html = new SafeMarkdown().RenderInline(markdown, References.For(markdown));
        Assert.Contains("href=\"https://github.com/wsargent/docker-cheat-sheet\"", html);
    }
}
