using ContainerNetLib.Domain.Editing;

namespace ContainerNetLib.Domain.Tests.Editing;

public class BulkFragmentTests
{
    [Fact]
    public void Pasted_bullets_become_entries_nested_as_written()
    {
        var fragment = BulkFragment.Parse("* 2024-01-01: [One](https://one.example/) by Ann\n  * [Child](https://child.example/)\n- [Two](https://two.example/)\n");
        Assert.Null(fragment.Error);
        Assert.Equal(3, fragment.Count);
        Assert.Equal(["One", "Two"], fragment.Entries.Select(e => e.Fields.Title));
        Assert.Equal("Child", Assert.Single(fragment.Entries[0].Children).Fields.Title);
    }

    [Theory]
    [InlineData("", "Paste one or more bullets")]
    [InlineData("   \n  ", "Paste one or more bullets")]
    [InlineData("## Section\n* [x](https://x.example/)", "has a heading")]
    [InlineData("Just a paragraph of text.", "No bullets found")]
    [InlineData("* [x](https://x.example/)\n\nA stray paragraph after the list.", "not bullets")]
    public void A_fragment_that_is_not_only_bullets_is_refused_with_a_reason(string text, string reason)
    {
        // Otherwise: a pasted heading or paragraph silently becomes a strange entry, or vanishes.
        var fragment = BulkFragment.Parse(text);
        Assert.Contains(reason, fragment.Error);
        Assert.Empty(fragment.Entries);
    }

    [Fact]
    public void More_than_the_limit_is_refused_rather_than_half_added()
    {
        var text = string.Join('\n', Enumerable.Range(0, BulkFragment.MaxEntries + 1).Select(i => $"* [Item {i}](https://e.example/{i})"));
        Assert.Contains($"At most {BulkFragment.MaxEntries}", BulkFragment.Parse(text).Error);
    }

    [Fact]
    public void A_paste_over_the_size_limit_is_refused_before_parsing()
    {
        var text = "* [x](https://x.example/) " + new string('y', TextField.BulkMarkdown.MaxLength);
        Assert.Contains("Paste it in parts", BulkFragment.Parse(text).Error);
    }
}
