namespace ContainerNetLib.Domain.ReadingLists;

/// <summary>The source split into lines, with offset-to-line lookup for Markdig's spans.</summary>
internal sealed class SourceLines
{
    private readonly int[] _starts;

    public SourceLines(string text)
    {
        Text = text;
        EndsWithNewline = text.Length == 0 || text[^1] == '\n';
        var lines = text.Split('\n');
        // A final '\n' ends the last line; it does not start an empty one.
        Lines = EndsWithNewline && lines.Length > 0 ? lines[..^1] : lines;
        _starts = new int[Lines.Length];
        var offset = 0;
        for (var i = 0; i < Lines.Length; i++)
        {
            _starts[i] = offset;
            offset += Lines[i].Length + 1;
        }
    }

    public string Text { get; }
    public string[] Lines { get; }
    public bool EndsWithNewline { get; }
    public int Count => Lines.Length;

    public int LineOf(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>Lines [from, to) as one chunk, each ending in '\n'.</summary>
    public string Join(int from, int to)
    {
        if (from >= to) return "";
        var length = 0;
        for (var i = from; i < to; i++) length += Lines[i].Length + 1;
        return string.Create(length, (this, from, to), static (span, state) =>
        {
            var (self, start, end) = state;
            var pos = 0;
            for (var i = start; i < end; i++)
            {
                self.Lines[i].AsSpan().CopyTo(span[pos..]);
                pos += self.Lines[i].Length;
                span[pos++] = '\n';
            }
        });
    }
}
