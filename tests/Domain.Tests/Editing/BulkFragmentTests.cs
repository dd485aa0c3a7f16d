using ContainerNetLib.Domain.Editing;
using ContainerNetLib.Domain.Text;

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

    [Fact]
    public void A_paste_with_a_nul_is_refused_naming_its_line_before_anything_is_added()
    {
        // Otherwise: the preview looks fine and "Add all" fails with a server error (PostgreSQL refuses the NUL).
        var fragment = BulkFragment.Parse("* [a](https://a.example/)\n* [b](https://b.example/) with a \0\n");
        Assert.Empty(fragment.Entries);
        Assert.StartsWith("Line 2: U+0000 (NUL) at column 34, which the list cannot store", fragment.Error);
    }

    [Fact]
    public void A_paste_nested_past_the_limit_is_refused_in_the_preview_with_its_line()
    {
        // Otherwise: pasting a deeply nested fragment stalls the editor's page while the preview parses it.
        var text = string.Concat(Enumerable.Range(0, 40).Select(i =>
            new string(' ', 2 * i) + $"* [e{i}](https://e.example/{i})\n"));
        var fragment = BulkFragment.Parse(text);
        Assert.Empty(fragment.Entries);
        Assert.Equal("Line 33: lists or block quotes nested deeper than the limit of 32 levels. Nothing was added.",
            fragment.Error);
    }

    [Fact]
    public void A_bullet_longer_than_an_entry_may_be_is_refused_with_its_line()
    {
        // Otherwise: a bulk add stores an entry the editor's own form could never save.
        var text = "* [a](https://a.example/)\n* " + new string('w', TextField.EntryMarkdown.MaxLength + 1) + "\n";
        var fragment = BulkFragment.Parse(text);
        Assert.Empty(fragment.Entries);
        Assert.StartsWith($"Line 2: an entry of {TextField.EntryMarkdown.MaxLength + 1:N0} characters", fragment.Error);
    }
}
