using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class DeepNestingTests
{
    [Theory]
    [InlineData('[', "link brackets ([) open at once than the limit of 32")]
    [InlineData('>', "block quotes nested deeper than the limit of 32 levels")]
    public void A_bullet_nested_100000_deep_is_refused_naming_its_line_and_the_limit(char nesting, string expected)
    {
        // Otherwise: one hostile bullet costs the parser (and every later render of the list) far more than its length.
        var markdown = $"# S\n\n* before\n* {new string(nesting, 100_000)} deep\n* [after](https://after.example/)\n";
        var refused = Assert.Throws<RefusedMarkdownException>(() => ReadingListParser.Parse(markdown));
        Assert.Equal(4, refused.Problem.Line);
        Assert.EndsWith(expected, refused.Problem.Problem);
    }
}
