using System.Text;
using ContainerNetLib.Domain.Importing;
using ContainerNetLib.Domain.ReadingLists;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Domain.Tests.ReadingLists;

/// <summary>Every real list of ../shared/corpus/, shapes/ included, written back as the bytes it was read from.
/// </summary>
public class CorpusBytesTests
{
    public static TheoryData<string> Files() => new(RepoRoot.EveryCorpusFile());

    [Theory]
    [MemberData(nameof(Files))]
    public void A_real_list_of_any_shape_is_written_back_byte_for_byte(string name)
    {
        // Otherwise: a team's own list, exported from the portal, differs from their repository's copy (a byte
        // order mark, CR LF endings, a final newline), and git diff shows lines nobody changed.
        var bytes = File.ReadAllBytes(Path.Combine(RepoRoot.Corpus, name));
        var parsed = ReadingListParser.Parse(MarkdownFile.Decode(bytes, name));
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(ReadingListWriter.Write(parsed.Document)));
    }
}
