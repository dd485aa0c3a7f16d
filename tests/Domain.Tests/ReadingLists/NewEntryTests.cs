using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

public class NewEntryTests
{
    [Fact]
    public void A_composed_entry_reads_back_as_the_same_fields()
    {
        // Otherwise: an editor's new entry shows a different title or author once saved.
        var authors = new List<Author> { new("Jane Doe", "https://j.example/", []), new("Ann Lee", null, []) };
        var markdown = EntryMarkdown.Compose(new DateOnly(2024, 1, 2), "eBPF [maps] (part 1)", "https://e.example/a_(b)", authors, "how maps work");
        var f = ReadingListParser.Parse("# S\n\n* " + markdown + "\n").Document.Sections[0].Entries[0].Fields;
        Assert.Equal(new DateOnly(2024, 1, 2), f.Date);
        Assert.Equal("eBPF [maps] (part 1)", f.Title);
        Assert.Equal("https://e.example/a_(b)", f.Url);
        Assert.Equal(["Jane Doe", "Ann Lee"], f.Authors.Select(a => a.Name));
        Assert.Equal("how maps work", f.Description);
    }
}
