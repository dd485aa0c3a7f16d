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

    [Fact]
    public void A_new_entry_takes_the_style_of_its_section()
    {
        // Otherwise: a list written with "-" bullets and 4-space nesting gets "*" bullets mixed in.
        var document = ReadingListParser.Parse("# S\n\n- [a](https://a.example/)\n\n- [b](https://b.example/)\n    - [c](https://c.example/)\n").Document;
        var section = document.Sections[0];
        var top = new EntryNode { Markdown = "[d](https://d.example/)" };
        section.Entries.Add(top);
        EntryStyle.Apply(top, section, null);
        var child = new EntryNode { Markdown = "[e](https://e.example/)" };
        section.Entries[0].Children.Add(child);
        EntryStyle.Apply(child, section, section.Entries[0]);

        Assert.Equal("# S\n\n- [a](https://a.example/)\n  - [e](https://e.example/)\n\n- [b](https://b.example/)\n    - [c](https://c.example/)\n\n- [d](https://d.example/)\n",
            ReadingListWriter.Write(document));
    }
}
