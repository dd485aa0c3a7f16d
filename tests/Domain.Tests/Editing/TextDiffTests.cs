using ContainerNetLib.Domain.Editing;

namespace ContainerNetLib.Domain.Tests.Editing;

public class TextDiffTests
{
    [Fact]
    public void A_changed_word_reads_as_that_word_struck_and_the_new_one_inserted()
    {
        // Otherwise: history shows the whole bullet replaced and nobody can see what changed.
        var parts = TextDiff.Words("2020-01-01: [Old title](https://a.example/) by Ann", "2020-01-01: [New title](https://a.example/) by Ann");
        Assert.Equal(
            [new(DiffKind.Same, "2020-01-01: "), new(DiffKind.Removed, "[Old"), new(DiffKind.Added, "[New"), new(DiffKind.Same, " title](https://a.example/) by Ann")],
            parts);
    }

    [Fact]
    public void Joining_the_parts_on_either_side_gives_back_each_text()
    {
        var before = "a b c d e f";
        var after = "a x c d y f g";
        var parts = TextDiff.Words(before, after);
        Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void A_creation_or_deletion_is_all_added_or_all_removed()
    {
        Assert.Equal([new(DiffKind.Added, "new text")], TextDiff.Words("", "new text"));
        Assert.Equal([new(DiffKind.Removed, "old text")], TextDiff.Words("old text", ""));
    }

    [Fact]
    public void Very_long_texts_are_shown_whole_instead_of_costing_a_huge_table()
    {
        // Otherwise: one history page with a pasted essay takes seconds and hundreds of MB to render.
        var longText = string.Join(' ', Enumerable.Range(0, TextDiff.MaxWords + 10));
        var parts = TextDiff.Words(longText, longText + " more");
        Assert.Equal([DiffKind.Removed, DiffKind.Added], parts.Select(p => p.Kind));
    }
}
