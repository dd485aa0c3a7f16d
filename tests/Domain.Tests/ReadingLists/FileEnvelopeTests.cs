using System.Text;
using ContainerNetLib.Domain.ReadingLists;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>One case per convention of a file's envelope: export(import(x)) is x, compared as bytes.</summary>
public class FileEnvelopeTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static byte[] RoundTrip(string file) =>
        Utf8.GetBytes(ReadingListWriter.Write(ReadingListParser.Parse(file).Document));

    [Theory]
    [InlineData("\uFEFF# S\n\n* [a](https://a.example/)\n")]
    [InlineData("\uFEFF# S\r\n\r\n* [a](https://a.example/)\r\n")]
    public void A_byte_order_mark_is_kept(string file)
    {
        // Otherwise: a team's file exported from the portal differs from the one in their repository by three bytes.
        Assert.Equal(Utf8.GetBytes(file), RoundTrip(file));
        Assert.True(ReadingListParser.Parse(file).Document.Envelope.ByteOrderMark);
    }

    [Fact]
    public void Crlf_line_endings_are_kept()
    {
        // Otherwise: git diff on the exported file of a Windows team shows every line changed.
        const string file = "# S\r\n\r\nIntro.\r\n\r\n* [a](https://a.example/)\r\n  * child\r\n* b\r\n\r\n## T\r\n";
        Assert.Equal(Utf8.GetBytes(file), RoundTrip(file));
        Assert.Equal(LineEnding.CrLf, ReadingListParser.Parse(file).Document.Envelope.Dominant);
    }

    [Fact]
    public void Mixed_line_endings_and_a_lone_cr_are_each_kept_on_their_line()
    {
        // Otherwise: a file half edited on Windows comes back with its endings unified, every such line in the diff.
        const string file = "# S\r\n\n* [a](https://a.example/)\r\n* b\r* c\n\r\n\n* d\r\r\n";
        Assert.Equal(Utf8.GetBytes(file), RoundTrip(file));
        Assert.Equal(4, ReadingListParser.Parse(file).Document.Sections[0].Entries.Count);
    }

    [Theory]
    [InlineData("# S\n\n* [a](https://a.example/)")]
    [InlineData("# S\r\n\r\n* [a](https://a.example/)")]
    [InlineData("# S\r\n\r\n* a\n* b")]
    [InlineData("\uFEFF# S")]
    public void No_final_newline_is_kept_missing(string file)
    {
        // Otherwise: a file without a final newline gains one on export and shows as changed.
        Assert.Equal(Utf8.GetBytes(file), RoundTrip(file));
    }

    [Fact]
    public void Tabs_and_trailing_spaces_are_kept()
    {
        // Otherwise: a Markdown hard break (two trailing spaces) or a tab-indented list is lost on export.
        const string file =
            "# S \t\r\n\r\n\tIntro with a hard break  \r\n\r\n*\t[a](https://a.example/)  \r\n\t* child\t\r\n  \r\n";
        Assert.Equal(Utf8.GetBytes(file), RoundTrip(file));
    }

    [Fact]
    public void A_plain_lf_file_has_the_plain_envelope_and_is_written_unchanged()
    {
        // Otherwise: the seed, LF without a mark, gains a mark or CRs on export.
        const string file = "# S\n\n* [a](https://a.example/)\n";
        Assert.Same(FileEnvelope.Plain, ReadingListParser.Parse(file).Document.Envelope);
        Assert.Same(file, FileEnvelope.Plain.Wrap(file));
    }

    [Fact]
    public void A_line_an_editor_adds_takes_the_dominant_ending_and_the_others_keep_theirs()
    {
        // Otherwise: after one edit a mixed file's odd lines move to their neighbours, or the new entry ends in LF.
        const string file = "# S\r\n\r\n* a\r\n* b\n* c\r\n* d\r\n* e\n";
        var document = ReadingListParser.Parse(file).Document;
        var entries = document.Sections[0].Entries;
        entries.Insert(0, new EntryNode { Marker = "* ", Markdown = "new one" });
        entries[3].Markdown = "c changed";
        Assert.Equal("# S\r\n\r\n* new one\r\n* a\r\n* b\n* c changed\r\n* d\r\n* e\n",
            ReadingListWriter.Write(document));
    }

    [Fact]
    public void A_changed_line_with_an_odd_ending_takes_the_dominant_one()
    {
        // Otherwise: an edited line keeps an ending the rest of the file does not use.
        const string file = "# S\r\n\r\n* a\n* b\r\n";
        var document = ReadingListParser.Parse(file).Document;
        document.Sections[0].Entries[0].Markdown = "a changed";
        Assert.Equal("# S\r\n\r\n* a changed\r\n* b\r\n", ReadingListWriter.Write(document));
    }

    [Fact]
    public void Text_typed_with_crlf_in_a_browser_is_written_with_the_files_endings()
    {
        // Otherwise: an entry saved from a textarea writes CR CR LF into an exported CRLF file.
        var envelope = new FileEnvelope(false, LineEnding.CrLf, []);
        Assert.Equal("* a\r\n  more\r\n", envelope.Wrap("* a\r\n  more\n"));
        Assert.Equal("* a\n  more\n", FileEnvelope.Plain.Wrap("* a\r\n  more\n"));
    }

    [Fact]
    public void The_stored_form_of_the_exceptions_reads_back_as_the_same_exceptions()
    {
        // Otherwise: a mixed file round-trips in memory but loses its odd endings once stored in the database.
        var (envelope, _) = FileEnvelope.Open("a\r\nb\nc\rd\r\n\r\n");
        var stored = LineEndingException.Format(envelope.Exceptions);
        Assert.Equal(envelope.Exceptions, LineEndingException.Parse(stored));
        Assert.Equal(2, envelope.Exceptions.Count);
    }
}
