using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class DeepNestingTests
{
    [Theory]
    [InlineData('[')]
    [InlineData('>')]
    public void A_bullet_nested_100000_deep_is_kept_as_text_with_a_warning(char nesting)
    {
        // Otherwise: one hostile bullet makes the whole import fail (Markdig refuses such depth).
        var markdown = $"# S\n\n* before\n* {new string(nesting, 100_000)} deep\n* [after](https://after.example/)\n";
        var result = ReadingListParser.Parse(markdown);
        Assert.Equal(3, result.Document.Sections[0].Entries.Count);
        Assert.Equal("https://after.example/", result.Document.Sections[0].Entries[2].Fields.Url);
        Assert.Contains(result.Warnings, w => w.Line == 4 && w.Message.Contains("nested deeper", StringComparison.Ordinal));
        Assert.Equal(markdown, ReadingListWriter.Write(result.Document));
    }
}
