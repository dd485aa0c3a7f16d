using System.Text;

namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>
/// What a file holds around its Markdown: a byte order mark and each line's own ending. The parser and the writer
/// work on LF text only; <see cref="Open"/> takes the envelope off a file and <see cref="Wrap"/> puts it back, so
/// a file comes back byte for byte. Lines whose ending is not the file's dominant one are its
/// <see cref="Exceptions"/>; a line an editor added or changed takes the dominant ending.
/// </summary>
public sealed record FileEnvelope(bool ByteOrderMark, LineEnding Dominant, IReadOnlyList<LineEndingException>
    Exceptions)
{
    private const char Bom = '\uFEFF';

    /// <summary>LF lines, no byte order mark: the file as the portal writes a new one.</summary>
    public static FileEnvelope Plain { get; } = new(false, LineEnding.Lf, []);

    /// <summary>The envelope of <paramref name="file"/> and its text with LF after every line, without the mark.
    /// </summary>
    public static (FileEnvelope Envelope, string Text) Open(string file)
    {
        var bom = file.Length > 0 && file[0] == Bom;
        var text = bom ? file[1..] : file;
        if (!text.Contains('\r')) return (bom ? Plain with { ByteOrderMark = true } : Plain, text);

        var lf = new StringBuilder(text.Length);
        var endings = new List<LineEnding>(text.Length / 40);
        var lines = new List<(int Start, int Length)>(text.Length / 40);
        var start = 0;
        for (var i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0; i = Next(text, start))
        {
            var crLf = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            endings.Add(crLf ? LineEnding.CrLf : text[i] == '\r' ? LineEnding.Cr : LineEnding.Lf);
            lines.Add((lf.Length, i - start));
            lf.Append(text, start, i - start).Append('\n');
            start = i + (crLf ? 2 : 1);
        }
        lf.Append(text, start, text.Length - start);
        var normalised = lf.ToString();
        var dominant = DominantOf(endings);
        var exceptions = new List<LineEndingException>();
        for (var line = 0; line < endings.Count; line++)
        {
            if (endings[line] == dominant) continue;
            exceptions.Add(new LineEndingException(line, endings[line],
                LineFingerprint.Of(normalised.AsSpan(lines[line].Start, lines[line].Length))));
        }
        return (new FileEnvelope(bom, dominant, exceptions), normalised);
    }

    /// <summary><paramref name="text"/> (LF lines, as the writer gives them) in this envelope.</summary>
    public string Wrap(string text)
    {
        // Text an editor typed in a browser may carry CR LF; the envelope, not the text, says how lines end.
        if (text.Contains('\r')) text = Open(text).Text;
        var body = Exceptions.Count > 0 ? LineEndingException.Apply(text, Dominant, Exceptions)
            : Dominant == LineEnding.Lf ? text
            : text.Replace("\n", LineEndingText.Of(Dominant), StringComparison.Ordinal);
        return ByteOrderMark ? Bom + body : body;
    }

    private static int Next(string text, int from)
    {
        var i = text.AsSpan(from).IndexOfAny('\r', '\n');
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The most frequent ending; on a tie LF, then CR LF.</summary>
    private static LineEnding DominantOf(List<LineEnding> endings)
    {
        var counts = new int[3];
        foreach (var ending in endings) counts[(int)ending]++;
        var dominant = LineEnding.Lf;
        foreach (var ending in new[] { LineEnding.CrLf, LineEnding.Cr })
        {
            if (counts[(int)ending] > counts[(int)dominant]) dominant = ending;
        }
        return dominant;
    }
}
